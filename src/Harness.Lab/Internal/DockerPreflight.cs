using Harness.Docker;

namespace Harness.Lab.Internal;

/// <summary>Checks, before any work, that a Docker Engine with API >= 1.44 answers (at <c>DOCKER_HOST</c> or the
/// local socket), within seconds (5 s when nothing listens there), and says how to get one.</summary>
internal static class DockerPreflight
{
    /// <summary>Asks for the API version within 5 s. A missing socket or a refused connection fails at once; only a
    /// local engine whose socket exists and is merely slow to answer (a loaded machine) gets one more, longer try.</summary>
    private static async Task<string> AskAsync(CancellationToken ct)
    {
        try
        {
            return await DockerEngineInfo.ApiVersionAsync(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (SlowButPresent(e) && !ct.IsCancellationRequested)
        {
            return await DockerEngineInfo.ApiVersionAsync(TimeSpan.FromSeconds(25), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Testcontainers skips a <c>DOCKER_HOST</c> that does not answer and silently takes the next endpoint it
    /// finds (the local socket): the run would then go to an engine the user did not name. A <c>DOCKER_HOST</c> that was
    /// not taken is therefore an error, at once.</summary>
    private static void RequireDockerHostHonoured()
    {
        var named = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrWhiteSpace(named)) return;
        var used = DockerEngineInfo.Endpoint.ToString().TrimEnd('/');
        if (string.Equals(named.Trim().TrimEnd('/'), used, StringComparison.Ordinal)) return;
        var socket = named.StartsWith("unix://", StringComparison.Ordinal) ? named["unix://".Length..] : null;
        throw new DockerUnavailableException($"DOCKER_HOST is {named}, but no Docker Engine answers there" +
            (socket is not null && !File.Exists(socket) ? " (no such socket)" : "") +
            $" (the engine at {used} was not used, since it is not the one named). Start dockerd there, point DOCKER_HOST at a running engine, or unset it.");
    }

    private static bool SlowButPresent(Exception e) =>
        e.GetBaseException() is TimeoutException or OperationCanceledException
        && DockerEngineInfo.Endpoint is { Scheme: "unix" } endpoint && File.Exists(endpoint.LocalPath);

    public static async Task RequireEngineAsync(CancellationToken ct)
    {
        try
        {
            RequireDockerHostHonoured();
        }
        catch (Exception e) when (e is not DockerUnavailableException)
        {
            // Finding the endpoint itself failed (Testcontainers found no engine at all): say so plainly.
            throw new DockerUnavailableException($"no Docker Engine found ({e.GetBaseException().Message}). " +
                "Run ./harness (it provisions Docker on Debian 12 as root), start dockerd, or point DOCKER_HOST at an engine.");
        }
        string api;
        try
        {
            api = await AskAsync(ct).ConfigureAwait(false);
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
