using Harness.Core.Databases;
using Harness.Workloads.MariaDb.Internal;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// A MariaDB 10.11 + Galera 4 cluster (gal1..galN): synchronous multi-master replication by group communication
/// and write-set certification. Every node accepts reads and writes; a transaction that conflicts with one
/// certified first on another node is aborted at commit (error 1213, deadlock). A node cut off from the majority
/// leaves the Primary component and refuses reads and writes (error 1047, "WSREP has not yet prepared node").
/// Reads are local and, with the default <c>wsrep_sync_wait=0</c>, may miss a write just committed elsewhere.
/// gal1 forms the cluster on its first start; the others join it by rsync state transfer.
/// </summary>
public sealed class GaleraCluster(MariaDbClusterOptions options, IProgress<string>? progress = null)
    : MariaDbCluster(options, "galera", "gal", progress)
{
    /// <summary>The node that forms the cluster on its very first start (and only then).</summary>
    public string BootstrapNode => Nodes[0];

    protected override async Task StartNodesAsync(string image, CancellationToken cancellationToken)
    {
        var peers = string.Join(',', Nodes.Select(Containers.Ip));
        await Containers.StartContainerAsync(Spec(BootstrapNode, image, "galera", Environment(peers, bootstrap: true)), cancellationToken)
            .ConfigureAwait(false);
        await RootSql.WaitAsync(Containers, BootstrapNode, "SHOW GLOBAL STATUS LIKE 'wsrep_ready'",
            output => output.Contains("ON", StringComparison.Ordinal), HealthTimeout, cancellationToken).ConfigureAwait(false);
        // Created once on the bootstrap node; joiners receive the users with their state transfer.
        await RootSql.RunAsync(Containers, BootstrapNode, ClientUserSql, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(Nodes.Skip(1).Select(n =>
            Containers.StartContainerAsync(Spec(n, image, "galera", Environment(peers, bootstrap: false)), cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Healthy when every node reports the full cluster size, Primary, Synced and wsrep_ready=ON.</summary>
    public override Task<string?> HealthProblemAsync(CancellationToken cancellationToken) =>
        GaleraHealth.DescribeAsync(Nodes, ConnectionString, cancellationToken);

    /// <summary>Galera has no lag in time to read cheaply; each sample carries the node's state and receive queue.</summary>
    public override Task<IReadOnlyList<LagSample>> SampleLagAsync(long timeNs, CancellationToken cancellationToken) =>
        GaleraHealth.SampleAsync(timeNs, Nodes, ConnectionString, cancellationToken);

    protected override async Task<bool> AcceptsWritesAsync(string node, CancellationToken cancellationToken) =>
        await MariaDbDialect.TryVariablesAsync(ConnectionString(node), "SHOW GLOBAL STATUS LIKE 'wsrep_ready'", TimeSpan.FromSeconds(1), cancellationToken)
            .ConfigureAwait(false) is { } status && status.GetValueOrDefault("wsrep_ready") == "ON";

    private static Dictionary<string, string> Environment(string peers, bool bootstrap) => new()
    {
        ["HARNESS_PEERS"] = peers,
        ["HARNESS_BOOTSTRAP"] = bootstrap ? "1" : "0",
    };
}
