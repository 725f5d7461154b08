using Harness.Docker;

namespace Harness.Lab.Internal;

/// <summary>Checks, before any work, that a Docker Engine with API >= 1.44 answers, and says how to get one.</summary>
internal static class DockerPreflight
{
    public static async Task RequireEngineAsync(CancellationToken ct)
    {
        var result = await new DockerCli().RunAsync(["version", "--format", "{{.Server.APIVersion}}"], TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
        var api = result.Stdout.Trim();
        if (result.ExitCode != 0 || !Version.TryParse(api, out var v) || v < new Version(1, 44))
            throw new DockerUnavailableException("no Docker Engine with API >= 1.44 is running (got: " +
                (result.ExitCode == 0 ? api : result.Stderr.Trim()) + "). Run ./harness (it provisions Docker on Debian 12) or start dockerd.");
    }
}
