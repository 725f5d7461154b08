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

    /// <summary>Removes the harness containers and networks of one run (all runs if <paramref name="runId"/> is null).</summary>
    public static async Task<(int Containers, int Networks)> CleanAsync(string? runId, CancellationToken cancellationToken)
    {
        var docker = DockerCli.Default;
        string[] filter = runId is null
            ? ["--filter", $"label={HarnessLabels.Managed}"]
            : ["--filter", $"label={HarnessLabels.Managed}", "--filter", $"label={HarnessLabels.Run(runId)}"];
        var containers = Ids(await docker.RunCheckedAsync(["ps", "-aq", .. filter], Timeout, cancellationToken).ConfigureAwait(false));
        if (containers.Count > 0)
            await docker.RunCheckedAsync(["rm", "-f", "-v", .. containers], Timeout, cancellationToken).ConfigureAwait(false);
        var networks = Ids(await docker.RunCheckedAsync(
            ["network", "ls", "-q", .. filter], Timeout, cancellationToken).ConfigureAwait(false));
        if (networks.Count > 0)
            await docker.RunCheckedAsync(["network", "rm", .. networks], Timeout, cancellationToken).ConfigureAwait(false);
        return (containers.Count, networks.Count);
    }

    private static List<string> Ids(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
