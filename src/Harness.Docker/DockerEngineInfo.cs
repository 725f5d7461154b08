using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// Which Docker Engine the harness talks to, and whether it answers. The endpoint is the one Testcontainers
/// resolves (<c>DOCKER_HOST</c> first): point <c>DOCKER_HOST</c> at another machine's engine and every cluster,
/// image build and fault goes there.
/// </summary>
public static class DockerEngineInfo
{
    /// <summary>The engine endpoint, e.g. <c>unix:///var/run/docker.sock</c> or <c>tcp://build-box:2375</c>.</summary>
    public static Uri Endpoint => DockerEngine.Endpoint;

    /// <summary>True when the engine runs on this machine (Unix socket or named pipe).</summary>
    public static bool IsLocal => DockerEngine.IsLocal;

    /// <summary>The engine's API version (e.g. <c>1.45</c>); throws <see cref="DockerException"/> or <see cref="TimeoutException"/> if it does not answer.</summary>
    public static async Task<string> ApiVersionAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var version = await DockerEngine.CallAsync("version", timeout, (d, ct) => d.System.GetVersionAsync(ct), cancellationToken).ConfigureAwait(false);
        return version.APIVersion;
    }
}
