using System.Globalization;

namespace Harness.Docker.Internal;

/// <summary>
/// Saves the logs of containers (the Engine API's <c>docker logs</c>) to files. Docker returns stdout and stderr separately; with
/// <c>--timestamps</c> each line starts with an RFC 3339 time, so the two are merged back in time order.
/// A container that no longer exists is skipped.
/// </summary>
internal static class ContainerLogs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task CollectAsync(
        IReadOnlyDictionary<string, string> containerOfNode, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await Task.WhenAll(containerOfNode.Select(async kv =>
        {
            var result = await ContainerOps.LogsAsync(kv.Value, null, timestamps: true, Timeout, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded && DockerErrors.IsMissing(result.Stderr)) return;
            var lines = Lines(result.Stdout).Concat(Lines(result.Stderr)).OrderBy(TimeKey);
            await File.WriteAllLinesAsync(Path.Combine(directory, kv.Key + ".log"), lines, cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static DateTimeOffset TimeKey(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && DateTimeOffset.TryParse(line.AsSpan(0, space), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : DateTimeOffset.MinValue;
    }
}
