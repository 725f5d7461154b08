using System.Diagnostics;
using System.Globalization;
using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Docker;
using Harness.Workloads.Etcd.Internal;

namespace Harness.Workloads.Etcd;

/// <summary>
/// A 3.4 etcd cluster in Docker: members etcd1..etcdN bootstrapped statically (every member is told the whole
/// <c>--initial-cluster</c> and all start at once), replicating by Raft. There is no primary to promote: the members
/// elect a leader, and a new one when it dies or is cut off. <see cref="PrimaryAsync"/> reports the current leader
/// from each member's endpoint status, and <see cref="SampleLagAsync"/> how far each member's raft index trails the
/// leader's. Clients on the host reach each member's client port at <see cref="Endpoint"/>, whose host port survives
/// kill and restart (the data directory survives too, so a restarted member rejoins from its own log).
/// </summary>
public sealed class EtcdCluster : ContainerDatabase, IHasPrimary, IReplicationLagSource
{
    public const int ClientPort = 2379;
    public const int PeerPort = 2380;

    private readonly IProgress<string>? progress;

    public EtcdClusterOptions Options { get; }

    /// <summary>How long <see cref="SetupAsync"/> waits for every member to report the same leader.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>From the first container start to healthy, once <see cref="SetupAsync"/> has finished.</summary>
    public TimeSpan? StartedIn { get; private set; }

    public EtcdCluster(EtcdClusterOptions options, IProgress<string>? progress = null) : base(NewContainers(options))
    {
        Options = options;
        this.progress = progress;
    }

    private static ContainerCluster NewContainers(EtcdClusterOptions options)
    {
        if (options.Nodes < 1) throw new ArgumentException("a cluster needs at least one member", nameof(options));
        if (EtcdClusterOptions.CheckTimeouts(options.HeartbeatMs, options.ElectionTimeoutMs) is { } problem) throw new ArgumentException(problem, nameof(options));
        return new ContainerCluster(options.RunId, "etcd", Enumerable.Range(1, options.Nodes).Select(i => $"etcd{i}").ToList(), ClientPort);
    }

    /// <summary>The member's client URL on the host (127.0.0.1 and its published port).</summary>
    public string Endpoint(string node) => string.Create(CultureInfo.InvariantCulture, $"http://{Containers.Host}:{Containers.HostPort(node)}");

    public override async Task SetupAsync(CancellationToken cancellationToken)
    {
        var image = await EtcdImage.EnsureAsync(Options.BaseImage, progress, cancellationToken).ConfigureAwait(false);
        await Containers.CreateNetworkAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        // Static bootstrap: a member waits for its peers' votes, so all start together.
        await Task.WhenAll(Nodes.Select(n => Containers.StartContainerAsync(
            new ContainerSpec(n, image, new Dictionary<string, string>(), Command: Command(n)), cancellationToken))).ConfigureAwait(false);
        await WaitHealthyAsync(HealthTimeout, cancellationToken).ConfigureAwait(false);
        StartedIn = clock.Elapsed;
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"etcd cluster ({Nodes.Count} members) healthy in {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>etcd's flags for one member (the verified static-bootstrap command line of cluster-facts §5).</summary>
    public IReadOnlyList<string> Command(string node)
    {
        var ip = Containers.Ip(node);
        var peers = string.Join(',', Nodes.Select(n => $"{n}=http://{Containers.Ip(n)}:{PeerPort}"));
        return
        [
            "--name", node, "--data-dir", "/var/lib/etcd/data",
            "--listen-peer-urls", $"http://0.0.0.0:{PeerPort}", "--listen-client-urls", $"http://0.0.0.0:{ClientPort}",
            "--initial-advertise-peer-urls", $"http://{ip}:{PeerPort}", "--advertise-client-urls", $"http://{ip}:{ClientPort}",
            "--initial-cluster", peers, "--initial-cluster-state", "new", "--initial-cluster-token", "harness",
            "--heartbeat-interval", Options.HeartbeatMs.ToString(CultureInfo.InvariantCulture),
            "--election-timeout", Options.ElectionTimeoutMs.ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>Waits until every member answers its status and all name the same leader; throws with what is missing.</summary>
    public Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilHealthyAsync("etcd cluster", timeout, TimeSpan.FromMilliseconds(200), async ct =>
        {
            var problem = MemberStatus.DescribeUnhealthy(await MemberStatus.ReadAllAsync(Nodes, Endpoint, ct).ConfigureAwait(false));
            return problem.Length == 0 ? null : problem;
        }, cancellationToken);

    public async Task<string?> PrimaryAsync(CancellationToken cancellationToken) =>
        MemberStatus.LeaderOf(await MemberStatus.ReadAllAsync(Nodes, Endpoint, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<LagSample>> SampleLagAsync(long timeNs, CancellationToken cancellationToken) =>
        MemberStatus.Lag(timeNs, await MemberStatus.ReadAllAsync(Nodes, Endpoint, cancellationToken).ConfigureAwait(false));
}
