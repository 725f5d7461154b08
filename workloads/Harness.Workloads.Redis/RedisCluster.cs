using System.Diagnostics;
using System.Globalization;
using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Docker;
using Harness.Workloads.Redis.Internal;

namespace Harness.Workloads.Redis;

/// <summary>
/// Redis 7 with Sentinel in Docker: redis1 starts as the master and the other nodes replicate from it
/// asynchronously; every node also runs a sentinel in the same container, so partitioning, pausing or killing a
/// node hits its redis and its sentinel together (a cut-off master's sentinel cannot vote for it; the majority
/// side elects a new master). <see cref="Primary"/> is the master a majority of sentinels name, refreshed every
/// second by a monitor, so clients follow a failover the way Sentinel-aware clients do. Clients on the host reach
/// each redis at its published port; the harness asks sentinels and INFO at the container IPs (see RespProbe).
/// </summary>
public sealed partial class RedisCluster : ContainerDatabase, IHasPrimary, IReplicationLagSource, IPromotable
{
    public const int RedisPort = 6379;
    public const int SentinelPort = 26379;

    private readonly IProgress<string>? progress;
    private readonly CancellationTokenSource monitorStop = new();
    private Task? monitor;
    private volatile string primary = "redis1";

    public RedisClusterOptions Options { get; }

    /// <summary>The node a majority of sentinels named master at the last look (redis1 until a failover).</summary>
    public string Primary => primary;

    /// <summary>Every node but the primary.</summary>
    public IReadOnlyList<string> Replicas => Nodes.Where(n => n != primary).ToList();

    /// <summary>How long <see cref="SetupAsync"/> waits for the cluster to be healthy.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long it took <see cref="SetupAsync"/> from the first container start to healthy.</summary>
    public TimeSpan? StartedIn { get; private set; }

    public RedisCluster(RedisClusterOptions options, IProgress<string>? progress = null) : base(NewContainers(options))
    {
        Options = options;
        this.progress = progress;
    }

    private static ContainerCluster NewContainers(RedisClusterOptions options)
    {
        if (options.Nodes < 2) throw new ArgumentException("a Redis + Sentinel cluster needs a master and at least one replica", nameof(options));
        return new ContainerCluster(options.RunId, "redis",
            Enumerable.Range(1, options.Nodes).Select(i => string.Create(CultureInfo.InvariantCulture, $"redis{i}")).ToList(), RedisPort);
    }

    /// <summary>The host and port where a client on the host reaches a node's redis.</summary>
    public (string Host, int Port) Endpoint(string node) => (Containers.Host, Containers.HostPort(node));

    public override async Task SetupAsync(CancellationToken cancellationToken)
    {
        var image = await RedisImage.EnsureAsync(Options.BaseImage, progress, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await Containers.CreateNetworkAsync(cancellationToken).ConfigureAwait(false);
        await Containers.StartContainerAsync(Spec(Nodes[0], "master", image), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(Nodes.Skip(1).Select(n => Containers.StartContainerAsync(Spec(n, "replica", image), cancellationToken))).ConfigureAwait(false);
        await WaitHealthyAsync(HealthTimeout, cancellationToken).ConfigureAwait(false);
        StartedIn = clock.Elapsed;
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"redis + sentinel cluster ({Options.Nodes} nodes, min-replicas-to-write {Options.MinReplicasToWrite}) healthy in {clock.Elapsed.TotalSeconds:0.0} s"));
        monitor = Task.Run(() => MonitorAsync(monitorStop.Token), CancellationToken.None);
    }

    /// <summary>Waits until <see cref="SentinelView.Problem"/> finds nothing missing; throws with what is missing.</summary>
    public Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilHealthyAsync("redis cluster", timeout, TimeSpan.FromMilliseconds(300), async ct =>
        {
            var statuses = await StatusesAsync(false, ct).ConfigureAwait(false);
            var problem = SentinelView.Problem(statuses, Containers.Ip);
            if (problem is null) primary = NodeOf(statuses.Values.First()!.SentinelMasterIp) ?? primary;
            return problem;
        }, cancellationToken);

    /// <summary>Asks every sentinel and returns the master a majority names (and remembers it), else the last known one.</summary>
    public async Task<string?> PrimaryAsync(CancellationToken cancellationToken)
    {
        var statuses = await StatusesAsync(true, cancellationToken).ConfigureAwait(false);
        var node = NodeOf(SentinelView.MajorityMaster(statuses.Values, Options.Quorum));
        if (node is not null && node != primary)
        {
            RecordSwitch(primary, node);
            primary = node;
        }
        return primary;
    }

    public async Task<IReadOnlyList<LagSample>> SampleLagAsync(long timeNs, CancellationToken cancellationToken)
    {
        var master = primary;
        var status = await StatusAsync(master, false, cancellationToken).ConfigureAwait(false);
        return LagProbe.Samples(timeNs, status, Nodes.Where(n => n != master).ToList(), Containers.Ip);
    }

    /// <summary>Starts a killed node. A killed master comes back as a master with its old data until Sentinel
    /// (if it promoted another node meanwhile) converts it into a replica of the new one.</summary>
    public override async Task StartAsync(string node, CancellationToken cancellationToken)
    {
        await Containers.StartAsync(node, cancellationToken).ConfigureAwait(false);
        lock (killed) killed.Remove(node);
    }

    public override async Task TeardownAsync(CancellationToken cancellationToken)
    {
        await StopMonitorAsync().ConfigureAwait(false);
        await Containers.TeardownAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await StopMonitorAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
        monitorStop.Dispose();
    }

    private async Task MonitorAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await PrimaryAsync(ct).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // a node being restarted or torn down: ask again next round
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task StopMonitorAsync()
    {
        if (monitor is null) return;
        await monitorStop.CancelAsync().ConfigureAwait(false);
        await monitor.ConfigureAwait(false);
        monitor = null;
    }

    private ContainerSpec Spec(string node, string role, string image)
    {
        var environment = new Dictionary<string, string>
        {
            ["HARNESS_NODE"] = node,
            ["HARNESS_ROLE"] = role,
            ["HARNESS_MASTER"] = Containers.Ip(Nodes[0]),
            ["HARNESS_QUORUM"] = Options.Quorum.ToString(CultureInfo.InvariantCulture),
            ["HARNESS_MIN_REPLICAS"] = Options.MinReplicasToWrite.ToString(CultureInfo.InvariantCulture),
            ["HARNESS_MIN_REPLICAS_MAX_LAG"] = Options.MinReplicasMaxLagSeconds.ToString(CultureInfo.InvariantCulture),
            ["HARNESS_DOWN_AFTER_MS"] = Options.DownAfterMilliseconds.ToString(CultureInfo.InvariantCulture),
        };
        return new ContainerSpec(node, image, environment, ["--init"]);
    }
}
