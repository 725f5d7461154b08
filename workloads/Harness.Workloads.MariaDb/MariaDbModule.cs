using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.MariaDb.Workloads;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// The <c>mariadb</c> module: MariaDB 10.11 single-leader replication, a primary and read-only replicas by GTID
/// (<see cref="ReplicaSetCluster"/>), asynchronous or semi-synchronous with a timeout after which the primary falls back
/// to asynchronous; the MySQL-family counterpart of the <c>postgres</c> module, with the same faults where the
/// mechanism exists (failover by promoting the replica that received the most, partition-failover, lag from
/// <c>Seconds_Behind_Master</c> and GTID positions). Writes go to the current primary; reads too, unless
/// <c>read-from</c> is <c>replicas</c>.
/// </summary>
public sealed class MariaDbModule : IDatabaseModule
{
    public string Name => "mariadb";
    public string Summary => "MariaDB 10.11 single leader: a primary and read-only GTID replicas, async or semi-sync (with a fall-back timeout)";

    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Choice("replication", "Replication mode: async | semi-sync (a commit waits for one replica's acknowledgement, up to the timeout)", "async", "async", "semi-sync"),
        OptionDef.Integer("semi-sync-timeout-ms", "rpl_semi_sync_master_timeout: after this long without an acknowledgement the primary commits and falls back to async", 10_000, 1, 3_600_000),
        OptionDef.Choice("semi-sync-wait-point", "rpl_semi_sync_master_wait_point: after-sync (commit visible only once acknowledged) | after-commit (MariaDB's default: visible before)",
            "after-sync", "after-sync", "after-commit"),
        OptionDef.Choice("read-from", "Where register reads go: primary | replicas (a replica per process)", "primary", "primary", "replicas"),
        OptionDef.Choice("isolation", "Transaction isolation for list-append: read-committed | repeatable-read | serializable", "serializable",
            "read-committed", "repeatable-read", "serializable"),
    ];

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Capability.Kill, Capability.Pause, Capability.Partition, Capability.Primary, Capability.Failover, Capability.Delay, Capability.Lag,
        Capability.OneWay, Capability.Packet, Capability.Signal, Capability.Clock,
    };

    public IReadOnlyList<string> Workloads { get; } = ["register", "set", "list-append"];

    public NodeRange NodeCount => new(2, 9, 3);

    public string? NameSuffix(TestSpec test) => test.DatabaseOptions.Text("replication");

    public IEnumerable<string> Validate(TestSpec test) => [];

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) =>
        MariaDbImage.EnsureAsync(context.BaseImage, context.Progress, cancellationToken);

    public IDatabase CreateCluster(TestSpec test, ModuleContext context) =>
        new ReplicaSetCluster(
            new MariaDbClusterOptions(test.NodeCount, context.RunId, context.BaseImage) { Faketime = test.Nemesis.Contains("clock") },
            new ReplicaSetOptions(test.DatabaseOptions.Text("replication"), (int)test.DatabaseOptions.Integer("semi-sync-timeout-ms"),
                test.DatabaseOptions.Text("semi-sync-wait-point")),
            context.Progress);

    /// <summary>Tables are created on the primary (listed first) and awaited on every replica.</summary>
    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test)
    {
        var rs = (ReplicaSetCluster)cluster;
        var endpoints = new MariaDbEndpoints(rs.ConnectionString, [rs.Primary, .. rs.Replicas]);
        var routing = new PrimaryRouting(() => rs.Primary, () => rs.Replicas.Where(n => !rs.Fenced.Contains(n)).ToList(),
            test.DatabaseOptions.Text("read-from") == "replicas");
        return MariaDbClients.For(workload, test, endpoints, Name, routing);
    }
}
