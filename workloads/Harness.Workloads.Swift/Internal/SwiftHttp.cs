using System.Net;
using System.Net.Http.Headers;

namespace Harness.Workloads.Swift.Internal;

/// <summary>
/// The Swift object API over <see cref="HttpClient"/>, no auth (the proxies run without an auth middleware):
/// PUT and GET of small text objects and container listings through one proxy. Returns raw status codes;
/// <see cref="SwiftOutcome"/> decides what they mean for a history.
/// </summary>
internal sealed class SwiftHttp(HttpClient http)
{
    public const string Account = "AUTH_harness";

    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(15) };

    public async Task<HttpStatusCode> PutAsync(string baseUrl, string path, string body, CancellationToken ct)
    {
        using var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await http.PutAsync($"{baseUrl}/{path}", content, ct).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>GET with or without <c>X-Newest</c> (ask every primary, newest timestamp wins).</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string baseUrl, string path, bool newest, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/{path}");
        if (newest) request.Headers.Add("X-Newest", "true");
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return (response.StatusCode, body);
    }

    public async Task<HttpStatusCode> HealthAsync(string proxyRoot, CancellationToken ct)
    {
        using var response = await http.GetAsync($"{proxyRoot}/healthcheck", ct).ConfigureAwait(false);
        return response.StatusCode;
    }
}
