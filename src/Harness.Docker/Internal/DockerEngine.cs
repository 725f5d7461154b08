using System.Net;
using System.Text.Json;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace Harness.Docker.Internal;

/// <summary>
/// The one Docker Engine API client of the process (Docker.DotNet, the library Testcontainers itself uses), on the
/// endpoint Testcontainers resolves: <c>DOCKER_HOST</c>, then <c>~/.testcontainers.properties</c>, then the Docker
/// context, then the local socket. Testcontainers' resource reaper (Ryuk) is switched off before anything else
/// touches Testcontainers: its image cannot be pulled offline, and the harness cleans up by its own labels.
/// Every call goes through <see cref="CallAsync{T}"/>, which gives it a deadline: a call that outlives it is
/// cancelled and reported as a <see cref="TimeoutException"/>, so the harness never hangs on the engine.
/// </summary>
internal static class DockerEngine
{
    private static readonly Lazy<DockerClient> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Switches off the resource reaper; call before building any Testcontainers resource.</summary>
    public static void Configure()
    {
        if (Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED") is null)
            Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        TestcontainersSettings.ResourceReaperEnabled = false;
    }

    public static DockerClient Client => Shared.Value;

    /// <summary>The engine endpoint in use (e.g. <c>unix:///var/run/docker.sock</c> or <c>tcp://big-box:2375</c>).</summary>
    public static Uri Endpoint
    {
        get
        {
            Configure();
            return TestcontainersSettings.OS.DockerEndpointAuthConfig.Endpoint;
        }
    }

    /// <summary>True when the engine is reached over a Unix socket or named pipe, i.e. runs on this machine.</summary>
    public static bool IsLocal => Endpoint.Scheme is "unix" or "npipe";

    /// <summary>The address where published ports are bound and where clients reach them: 127.0.0.1 for a local
    /// engine, the engine's host for a remote one.</summary>
    public static string PublishedHost => IsLocal ? "127.0.0.1" : Endpoint.Host;

    /// <summary>Runs one engine call with a deadline; cancellation by the caller stays an <see cref="OperationCanceledException"/>.</summary>
    public static async Task<T> CallAsync<T>(string what, TimeSpan timeout, Func<DockerClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await call(Client, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && e is not DockerApiException)
        {
            throw new TimeoutException($"`{what}` did not finish within {timeout.TotalSeconds:0.#} s (Docker Engine API at {Endpoint})", e);
        }
        catch (HttpRequestException e)
        {
            throw new DockerException($"`{what}`: cannot reach the Docker Engine at {Endpoint}: {e.Message}", e);
        }
    }

    public static Task CallAsync(string what, TimeSpan timeout, Func<DockerClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync<bool>(what, timeout, async (c, t) =>
        {
            await call(c, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>The engine's own message of an API error (the <c>message</c> field of its JSON body).</summary>
    public static string Message(DockerApiException e)
    {
        var body = e.ResponseBody ?? "";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("message", out var message)) return message.GetString() ?? body;
        }
        catch (JsonException)
        {
            // Not JSON: the body is the message.
        }
        return body.Length > 0 ? body.Trim() : e.Message;
    }

    /// <summary>An HTTP status as the exit code of a failed call (404, 409, 500, ...).</summary>
    public static int Code(DockerApiException e) => (int)e.StatusCode;

    public static bool IsNotFound(DockerApiException e) => e.StatusCode == HttpStatusCode.NotFound;

    private static DockerClient Create()
    {
        Configure();
        return TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.Empty).Build();
    }
}
