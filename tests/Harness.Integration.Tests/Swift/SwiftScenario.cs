using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Harness.Core.Testing;
using Harness.Workloads.Swift;

namespace Harness.Integration.Tests.Swift;

/// <summary>A 5-node Swift cluster driven by hand, for scripted leaderless scenarios: plain HTTP through a chosen
/// proxy, and an object's primaries and copies read from the object servers.</summary>
internal sealed class SwiftScenario : IAsyncDisposable
{
    public const string Container = "scenario";

    public SwiftCluster Cluster { get; }
    public TimeSpan StartTime { get; private set; }

    private SwiftScenario(SwiftCluster cluster) => Cluster = cluster;

    public static async Task<SwiftScenario> StartAsync(string name, int objectReplicatorInterval)
    {
        var runId = $"it-{name}-{Guid.NewGuid():N}"[..24];
        var test = new TestSpec { Database = "swift", Nodes = 5, BaseImage = "debian:bookworm-slim" }
            .WithDatabaseOption("object-replicator-interval", objectReplicatorInterval.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var resolved = Lab.HarnessModules.Registry.Resolve(test with { Name = name, Nemesis = [] });
        var options = SwiftClusterOptions.From(resolved, runId, resolved.BaseImage);
        var dir = Directory.CreateTempSubdirectory("harness-it-swift-").FullName;
        var scenario = new SwiftScenario(new SwiftCluster(options, dir));
        var clock = Stopwatch.StartNew();
        try
        {
            await scenario.Cluster.SetupAsync(CancellationToken.None);
            scenario.StartTime = clock.Elapsed;
            await scenario.Cluster.CreateContainerAsync(Container, CancellationToken.None);
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    public async Task<HttpStatusCode> PutAsync(string node, string obj, string value)
    {
        using var content = new StringContent(value);
        using var response = await Cluster.Http.PutAsync($"{Cluster.ProxyUrl(node)}/{Container}/{obj}", content);
        return response.StatusCode;
    }

    /// <summary>GET through a node's proxy: the body on 200, null on 404, else the status as text.</summary>
    public async Task<string?> GetAsync(string node, string obj, bool newest = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Cluster.ProxyUrl(node)}/{Container}/{obj}");
        if (newest) request.Headers.Add("X-Newest", "true");
        using var response = await Cluster.Http.SendAsync(request);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await response.Content.ReadAsStringAsync(),
            HttpStatusCode.NotFound => null,
            var s => $"HTTP {(int)s}",
        };
    }

    public async Task<JsonObject> ProbeAsync(string obj) => (await Cluster.ProbeAsync(Container, [obj], CancellationToken.None)).Single();

    /// <summary>The nodes holding the account's and the scenario container's primary databases.</summary>
    public async Task<(IReadOnlyList<string> Account, IReadOnlyList<string> Container)> MetadataPrimariesAsync()
    {
        const string script = "from swift.common.ring import Ring\n" +
            "print(' '.join(n['ip'] for n in Ring('/etc/swift', ring_name='account').get_nodes('AUTH_harness')[1]))\n" +
            "print(' '.join(n['ip'] for n in Ring('/etc/swift', ring_name='container').get_nodes('AUTH_harness', 'scenario')[1]))";
        var result = await Cluster.Containers.ExecAsync(Cluster.Nodes[0], ["python3", "-c", script], TimeSpan.FromSeconds(300), CancellationToken.None);
        var byIp = Cluster.Nodes.ToDictionary(Cluster.Containers.Ip, n => n);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        IReadOnlyList<string> Names(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ip => byIp[ip]).ToList();
        return (Names(lines[0]), Names(lines[1]));
    }

    public static IReadOnlyList<string> Primaries(JsonObject probe) => probe["primaries"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();

    public static string? Copy(JsonObject probe, string node) => probe["copies"]![node] is JsonObject c ? c["value"]!.GetValue<string>() : null;

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(Cluster.RunDirectory, true);
    }
}
