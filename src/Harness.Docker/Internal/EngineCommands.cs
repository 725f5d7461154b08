using System.Globalization;

namespace Harness.Docker.Internal;

/// <summary>
/// Answers the handful of <c>docker</c> command lines that <see cref="DockerCli"/> callers still use through the
/// Engine API, with the same output the CLI would print; anything else returns null (not understood).
/// </summary>
internal static class EngineCommands
{
    public static Task<CommandResult>? TryAnswer(IReadOnlyList<string> args, TimeSpan timeout, CancellationToken ct) => args.ToArray() switch
    {
        ["version", "--format", "{{.Server.APIVersion}}"] => VersionAsync(timeout, ct),
        ["logs", .. var rest] when Logs(rest) is var (tail, stamps, name) => ContainerOps.LogsAsync(name, tail, stamps, timeout, ct),
        ["ps", "-aq", .. var filters] when RunLabel(filters) is { } run => IdsAsync(DockerCleaner.ContainerIdsAsync(run.Id, ct)),
        ["network", "ls", "-q", .. var filters] when RunLabel(filters) is { } run => IdsAsync(DockerCleaner.NetworkIdsAsync(run.Id, ct)),
        ["image", "inspect", "--format", "{{.Id}}", var image] => ImageIdAsync(image, ct),
        _ => null,
    };

    private static async Task<CommandResult> VersionAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            return new CommandResult(0, await DockerEngineInfo.ApiVersionAsync(timeout, ct).ConfigureAwait(false) + "\n", "");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A probe: no engine (no socket, nothing at DOCKER_HOST, Testcontainers finding no endpoint) is an answer, not a crash.
            return new CommandResult(1, "", (e.InnerException ?? e).Message);
        }
    }

    private static async Task<CommandResult> IdsAsync(Task<IReadOnlyList<string>> ids) =>
        new(0, string.Concat((await ids.ConfigureAwait(false)).Select(id => id[..Math.Min(12, id.Length)] + "\n")), "");

    private static async Task<CommandResult> ImageIdAsync(string image, CancellationToken ct) =>
        await Images.IdAsync(image, ct).ConfigureAwait(false) is { } id
            ? new CommandResult(0, id + "\n", "")
            : new CommandResult(1, "", $"Error: No such image: {image}");

    /// <summary><c>[--tail N] [--timestamps|-t] NAME</c> in any order.</summary>
    private static (int? Tail, bool Timestamps, string Name)? Logs(string[] rest)
    {
        int? tail = null;
        var stamps = false;
        string? name = null;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] is "--tail" or "-n" && i + 1 < rest.Length && int.TryParse(rest[i + 1], CultureInfo.InvariantCulture, out var n)) (tail, i) = (n, i + 1);
            else if (rest[i] is "--timestamps" or "-t") stamps = true;
            else if (!rest[i].StartsWith('-') && name is null) name = rest[i];
            else return null;
        }
        return name is null ? null : (tail, stamps, name);
    }

    /// <summary><c>--filter label=harness.managed=true</c> and/or <c>--filter label=harness.run=ID</c>, nothing else.</summary>
    private static (string? Id, bool Ok)? RunLabel(string[] filters)
    {
        string? run = null;
        var any = false;
        for (var i = 0; i < filters.Length; i += 2)
        {
            if (filters[i] != "--filter" || i + 1 >= filters.Length || !filters[i + 1].StartsWith("label=", StringComparison.Ordinal)) return null;
            var label = filters[i + 1]["label=".Length..];
            if (label.StartsWith(HarnessLabels.RunKey + "=", StringComparison.Ordinal)) run = label[(HarnessLabels.RunKey.Length + 1)..];
            else if (label != HarnessLabels.Managed) return null;
            any = true;
        }
        return any ? (run, true) : null;
    }
}
