using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Postgres.Routing;
using Harness.Workloads.Postgres.Workloads;

namespace Harness.Workloads.Postgres;

/// <summary>
/// The PostgreSQL 15 module: a primary and hot standbys by streaming replication (<see cref="PostgresCluster"/>),
/// asynchronous, synchronous (<c>FIRST n</c>) or semi-synchronous (<c>ANY 1</c>); clients for register, set and
/// list-append; failover by promotion and pg_rewind; lag from <c>pg_stat_replication</c>.
/// </summary>
public sealed class PostgresModule : IDatabaseModule
{
    public string Name => "postgres";
    public string Summary => "PostgreSQL 15 streaming replication: a primary and hot standbys, async, sync or semi-sync";

    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Choice("replication", "Replication mode: async | sync (FIRST n: every standby confirms) | semi-sync (ANY 1)", "async", "async", "sync", "semi-sync"),
        .. ReadRoutingOptions.OptionDefs,
        OptionDef.Integer("heartbeat-ms", "Heartbeat lag probe: write a row with its timestamp on the primary this often (ms) and read it on every standby (0: off)", 100, 0, 60_000),
        OptionDef.Choice("isolation", "Transaction isolation for list-append: read-committed | repeatable-read | serializable", "serializable",
            "read-committed", "repeatable-read", "serializable"),
        OptionDef.Choice("topology", "Where standbys stream from: star (all from the primary) | cascade (chain: pg2 from pg1, pg3 from pg2, ...)", "star", "star", "cascade"),
        OptionDef.Choice("fencing", "What a failover does to the old primary: kill | none (cut it off from the other nodes only; clients that still reach it keep writing: split brain)", "kill", "kill", "none"),
        OptionDef.Choice("hot-standby-feedback", "hot_standby_feedback on the standbys: on (vacuum on the primary spares rows a standby query may see) | off", "on", "on", "off"),
        OptionDef.Integer("max-standby-streaming-delay-ms", "max_standby_streaming_delay on the standbys: how long replay waits for a conflicting query before cancelling it (-1: forever)", 30_000, -1, 3_600_000),
        OptionDef.Integer("health-timeout-seconds", "How long cluster setup waits for replication to be healthy (a loaded 2-core machine can take minutes)", 300, 10, 3600),
        OptionDef.Integer("data-tmpfs-mb", "Put each node's data directory on a tmpfs of this many MiB (0: no; the disk-full fault needs it, and it rules out kill faults, since a tmpfs does not survive a restart)", 0, 0, 16_384),
    ];

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Capability.Kill, Capability.Pause, Capability.Partition, Capability.Primary, Capability.Failover, Capability.Delay, Capability.Lag,
        Capability.OneWay, Capability.Packet, Capability.Signal, Capability.Clock, Capability.Disk,
    };

    public IReadOnlyList<string> Workloads { get; } = ["register", "set", "list-append"];

    public NodeRange NodeCount => new(2, 9, 3);

    public string? NameSuffix(TestSpec test) => test.DatabaseOptions.Text("replication");

    /// <summary>Faults that restart a node cannot run on a tmpfs data directory; disk-full needs one.</summary>
    public IEnumerable<string> Validate(TestSpec test)
    {
        var tmpfs = test.DatabaseOptions.Integer("data-tmpfs-mb") > 0;
        if (test.Nemesis.Contains("disk-full") && !tmpfs)
            yield return "the disk-full fault needs the data directory on a tmpfs: set --data-tmpfs-mb (e.g. 256)";
        var restarting = test.Nemesis.Intersect(["kill", "kill-recovery", "failover", "partition-failover"]).ToList();
        if (tmpfs && restarting.Count > 0)
            yield return $"--data-tmpfs-mb rules out {string.Join(", ", restarting)}: a restarted node would come back with an empty data directory";
        var failovers = test.Nemesis.Intersect(["failover", "partition-failover"]).ToList();
        if (test.DatabaseOptions.Text("topology") == "cascade" && failovers.Count > 0)
            yield return $"--topology cascade rules out {string.Join(", ", failovers)}: a failover re-points every standby at the new primary (a star)";
        if (test.DatabaseOptions.Text("txn-read-from") == "followers" && test.DatabaseOptions.Text("isolation") == "serializable")
            yield return "--txn-read-from followers needs --isolation repeatable-read or read-committed: a hot standby refuses serializable transactions";
    }

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) =>
        PostgresImage.EnsureAsync(context.BaseImage, context.Progress, cancellationToken);

    public IDatabase CreateCluster(TestSpec test, ModuleContext context) =>
        new PostgresCluster(new PostgresClusterOptions(test.NodeCount, test.DatabaseOptions.Text("replication"), context.RunId, context.BaseImage)
        {
            Faketime = test.Nemesis.Contains("clock"),
            DataTmpfsMegabytes = (int)test.DatabaseOptions.Integer("data-tmpfs-mb"),
            HeartbeatMs = (int)test.DatabaseOptions.Integer("heartbeat-ms"),
            Topology = test.DatabaseOptions.Text("topology"),
            Fencing = test.DatabaseOptions.Text("fencing"),
            HotStandbyFeedback = test.DatabaseOptions.Text("hot-standby-feedback") == "on" ? null : false,
            MaxStandbyStreamingDelayMs = test.DatabaseOptions.Integer("max-standby-streaming-delay-ms") is var d && d != 30_000 ? (int)d : null,
        }, context.Progress)
        {
            HealthTimeout = TimeSpan.FromSeconds(test.DatabaseOptions.Integer("health-timeout-seconds")),
        };

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test)
    {
        var pg = (PostgresCluster)cluster;
        var endpoints = new PostgresEndpoints(pg.ConnectionString, () => pg.Primary, () => pg.Standbys) { WriteOverride = pg.SplitBrainWriteNode };
        return PostgresClients.For(workload, test, endpoints);
    }
}
