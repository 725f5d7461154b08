using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Docker;
using Harness.Workloads.Swift.Internal;

namespace Harness.Workloads.Swift;

/// <summary>
/// An OpenStack Swift cluster in Docker: N storage nodes (swift1..N, one device each, zone i) with identical
/// 3-replica rings, and a proxy on every node so a client picks its coordinator. Leaderless: any proxy writes to
/// the object's primaries (handoffs when they are unreachable) and succeeds on a majority; reads ask one replica.
/// Faults are the <see cref="ContainerCluster"/>'s (kill, pause, iptables partitions, link delays); each heal starts
/// a convergence probe (<see cref="ConvergenceRecorder"/>) that writes <c>convergence.jsonl</c> to the run directory
/// (<see cref="IReplicaObservable"/>: the leaderless checkers read it).
/// </summary>
public sealed class SwiftCluster : IDatabase, IKillable, IPausable, IPartitionable, IDelayable, IReplicaObservable
{
    public const int ProxyPort = 8080;
    public const string ConvergenceFile = IReplicaObservable.SamplesFile;

    private readonly IProgress<string>? progress;
    private readonly ConcurrentDictionary<(string Container, string Object), long> tracked = new();
    private readonly ConvergenceRecorder recorder;
    private long trackOrder;
    private int networkFaults;

    public SwiftClusterOptions Options { get; }
    public ContainerCluster Containers { get; }
    public IReadOnlyList<string> Nodes { get; }
    public HttpClient Http { get; } = SwiftHttp.CreateClient();
    public TimeSpan? StartTime { get; private set; }

    /// <summary>Where the probes write <see cref="ConvergenceFile"/> (the run directory).</summary>
    public string RunDirectory { get; }

    public SwiftCluster(SwiftClusterOptions options, string runDirectory, IProgress<string>? progress = null)
    {
        if (options.Nodes < 3) throw new ArgumentException("a 3-replica Swift cluster needs at least 3 nodes", nameof(options));
        Options = options;
        this.progress = progress;
        RunDirectory = runDirectory;
        Nodes = Enumerable.Range(1, options.Nodes).Select(i => $"swift{i}").ToList();
        Containers = new ContainerCluster(options.RunId, "swift", Nodes, ProxyPort);
        var probe = new ReplicaProbe(Containers, Nodes);
        recorder = new ConvergenceRecorder(probe, Path.Combine(runDirectory, ConvergenceFile), TimeSpan.FromSeconds(options.ConvergenceWindowSeconds), Tracked);
        Probe = probe;
    }

    internal ReplicaProbe Probe { get; }

    /// <summary>The object API root of a node's proxy, as the host reaches it: <c>http://127.0.0.1:port/v1/AUTH_harness</c>.</summary>
    public string ProxyUrl(string node) => $"http://{Containers.Host}:{Containers.HostPort(node)}/v1/{SwiftHttp.Account}";

    /// <summary>Remembers an object a client writes, for the convergence and placement probes (the most recent ones are probed).</summary>
    public void Track(string container, string obj) => tracked.TryAdd((container, obj), Interlocked.Increment(ref trackOrder));

    public IReadOnlyList<(string Container, string Object)> Tracked() =>
        tracked.OrderByDescending(kv => kv.Value).Take(Options.ProbeObjects).Select(kv => kv.Key).ToList();

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        var image = await SwiftImage.EnsureAsync(Options.BaseImage, progress, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(RunDirectory);
        recorder.WriteHeader(Nodes, Options.ProxyClockOffsets, Workloads.RegisterClients.Container, Workloads.RegisterClients.ObjectPrefix);
        await Containers.CreateNetworkAsync(cancellationToken).ConfigureAwait(false);
        var ips = string.Join(' ', Nodes.Select(Containers.Ip));
        await Task.WhenAll(Nodes.Select((n, i) => Containers.StartContainerAsync(Spec(n, i + 1, ips, image), cancellationToken))).ConfigureAwait(false);
        await SwiftHealth.WaitAsync(this, Options.HealthTimeout, cancellationToken).ConfigureAwait(false);
        StartTime = clock.Elapsed;
        progress?.Report($"swift cluster ({Options.Nodes} nodes, 3 replicas) healthy in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Creates a container through the first proxy that accepts it (retrying while the cluster settles).</summary>
    public async Task CreateContainerAsync(string container, CancellationToken cancellationToken)
    {
        var http = new SwiftHttp(Http);
        for (var attempt = 0; ; attempt++)
        {
            var node = Nodes[attempt % Nodes.Count];
            try
            {
                var status = await http.PutAsync(ProxyUrl(node), container, "", cancellationToken).ConfigureAwait(false);
                if (status is HttpStatusCode.Created or HttpStatusCode.Accepted) return;
            }
            catch (HttpRequestException) when (attempt < 30)
            {
            }
            if (attempt >= 30) throw new DockerException($"could not create Swift container '{container}'");
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every copy of the objects, read from every object server directly (JSON per object).</summary>
    public async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> ProbeAsync(string container, IReadOnlyList<string> objects, CancellationToken ct) =>
        await Probe.ProbeAsync(container, objects, ct).ConfigureAwait(false);

    public Task KillAsync(string node, CancellationToken cancellationToken) => Containers.KillAsync(node, cancellationToken);

    public async Task StartAsync(string node, CancellationToken cancellationToken)
    {
        await Containers.StartAsync(node, cancellationToken).ConfigureAwait(false);
        recorder.OnHeal();
    }

    public Task PauseAsync(string node, CancellationToken cancellationToken) => Containers.PauseAsync(node, cancellationToken);

    public async Task ResumeAsync(string node, CancellationToken cancellationToken)
    {
        await Containers.ResumeAsync(node, cancellationToken).ConfigureAwait(false);
        recorder.OnHeal();
    }

    public async Task ApplyGrudgeAsync(Grudge grudge, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref networkFaults, 1);
        await Containers.ApplyGrudgeAsync(grudge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Heals the network; a heal with no partition or delay in force (the run's closing heal-all) starts no
    /// convergence poll, which would stop the poll of the real heal before its objects converged.</summary>
    public async Task HealNetworkAsync(CancellationToken cancellationToken)
    {
        await Containers.HealNetworkAsync(cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref networkFaults, 0) == 1) recorder.OnHeal();
    }

    public async Task DelayAsync(string node, IReadOnlyList<string>? fromNodes, int delayMs, int jitterMs, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref networkFaults, 1);
        await Containers.DelayAsync(node, fromNodes, delayMs, jitterMs, cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearDelaysAsync(CancellationToken cancellationToken)
    {
        await Containers.ClearDelaysAsync(cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref networkFaults, 0) == 1) recorder.OnHeal();
    }

    /// <summary>Copies each node's container output and Swift server logs, then records the final replica sample
    /// (bounded by 6 × <see cref="SwiftClusterOptions.ConvergenceWindowSeconds"/>, at least 240 s: on a 2-core machine at load 60 one probe
    /// took 3 min; a probe that fails leaves the logs intact).</summary>
    public async Task CollectLogsAsync(string directory, CancellationToken cancellationToken)
    {
        await Containers.CollectLogsAsync(directory, cancellationToken).ConfigureAwait(false);
        foreach (var node in Nodes)
        {
            var logs = await Containers.ExecAsync(node, ["sh", "-c", "tail -n 3000 /var/log/swift/*.log"], TimeSpan.FromSeconds(30), cancellationToken)
                .ConfigureAwait(false);
            if (logs.Succeeded) await File.WriteAllTextAsync(Path.Combine(directory, $"{node}-swift.log"), logs.Stdout, cancellationToken).ConfigureAwait(false);
        }
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(Math.Max(240, Options.ConvergenceWindowSeconds * 6)));
        try
        {
            await recorder.FinishAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or DockerException or IOException or System.Text.Json.JsonException)
        {
            progress?.Report($"final replica probe failed: {e.Message}");
        }
    }

    public Task TeardownAsync(CancellationToken cancellationToken) => Containers.TeardownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Containers.DisposeAsync().ConfigureAwait(false);
        Http.Dispose();
    }

    private ContainerSpec Spec(string node, int zone, string ips, string image) => new(node, image, new Dictionary<string, string>
    {
        ["SWIFT_NODES"] = ips,
        ["SWIFT_ZONE"] = zone.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PART_POWER"] = Options.PartPower.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["OBJ_REPL_INTERVAL"] = Options.ObjectReplicatorIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["OTHER_INTERVAL"] = Options.OtherIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["READ_AFFINITY"] = Options.ReadAffinity ? "true" : "false",
        ["PROXY_FAKETIME"] = Options.FakeTime(node),
    }, ["--init"]);
}
