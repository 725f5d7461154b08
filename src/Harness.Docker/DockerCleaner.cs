namespace Harness.Docker;

/// <summary>
/// Removes everything the harness ever left behind: every container, then every network, labelled
/// <see cref="HarnessLabels.Managed"/>. Safe to run at any time; images are kept (they are a cache).
/// </summary>
public static class DockerCleaner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Removes every harness container and network of every run.</summary>
    public static Task<(int Containers, int Networks)> CleanAsync(CancellationToken cancellationToken) =>
        CleanAsync(null, cancellationToken);

    /// <summary>Removes the harness containers and networks of one run (all runs if <paramref name="runId"/> is null).
    /// Another run may be creating or removing its own containers at the same moment, so a removal that fails is
    /// retried on a fresh listing; only what is still there after that is an error.</summary>
    public static async Task<(int Containers, int Networks)> CleanAsync(string? runId, CancellationToken cancellationToken)
    {
        string[] filter = runId is null
            ? ["--filter", $"label={HarnessLabels.Managed}"]
            : ["--filter", $"label={HarnessLabels.Managed}", "--filter", $"label={HarnessLabels.Run(runId)}"];
        var containers = await RemoveAllAsync(["ps", "-aq", .. filter], ids => ["rm", "-f", "-v", .. ids], cancellationToken).ConfigureAwait(false);
        var networks = await RemoveAllAsync(["network", "ls", "-q", .. filter], ids => ["network", "rm", .. ids], cancellationToken).ConfigureAwait(false);
        return (containers, networks);
    }

    private static async Task<int> RemoveAllAsync(string[] list, Func<List<string>, string[]> remove, CancellationToken ct)
    {
        var docker = DockerCli.Default;
        var removed = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            var ids = Ids(await docker.RunCheckedAsync(list, Timeout, ct).ConfigureAwait(false));
            if (ids.Count == 0) return removed.Count;
            var result = await docker.RunAsync(remove(ids), Timeout, ct).ConfigureAwait(false);
            if (result.ExitCode == 0) removed.UnionWith(ids);
            else if (attempt >= 3) throw new DockerException(string.Join(' ', remove(ids)), result.ExitCode, result.Stderr);
            else await Task.Delay(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
        }
    }

    private static List<string> Ids(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
