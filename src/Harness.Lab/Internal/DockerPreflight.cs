using Harness.Docker;

namespace Harness.Lab.Internal;

/// <summary>Checks, before any work, that a Docker Engine with API >= 1.44 answers (at <c>DOCKER_HOST</c> or the
/// local socket), within seconds, and says how to get one.</summary>
internal static class DockerPreflight
{
    public static async Task RequireEngineAsync(CancellationToken ct)
    {
        string api;
        try
        {
            api = await DockerEngineInfo.ApiVersionAsync(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new DockerUnavailableException($"no Docker Engine answers at {DockerEngineInfo.Endpoint} ({e.GetBaseException().Message}). " +
                "Run ./harness (it provisions Docker on Debian 12 as root), start dockerd, or point DOCKER_HOST at an engine.");
        }
        if (!Version.TryParse(api, out var v) || v < new Version(1, 44))
            throw new DockerUnavailableException($"the Docker Engine at {DockerEngineInfo.Endpoint} speaks API {api}; Harness needs 1.44 or newer (Docker 25+).");
    }
}
