using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
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
        OptionDef.Choice("read-from", "Where reads go: primary | followers (a standby per process)", "primary", "primary", "followers"),
        OptionDef.Choice("isolation", "Transaction isolation for list-append: read-committed | repeatable-read | serializable", "serializable",
            "read-committed", "repeatable-read", "serializable"),
    ];

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Capability.Kill, Capability.Pause, Capability.Partition, Capability.Primary, Capability.Failover, Capability.Delay, Capability.Lag,
    };

    public IReadOnlyList<string> Workloads { get; } = ["register", "set", "list-append"];

    public NodeRange NodeCount => new(2, 9, 3);

    public string? NameSuffix(TestSpec test) => test.DatabaseOptions.Text("replication");

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) =>
        PostgresImage.EnsureAsync(context.BaseImage, context.Progress, cancellationToken);

    public IDatabase CreateCluster(TestSpec test, ModuleContext context) =>
        new PostgresCluster(new PostgresClusterOptions(test.NodeCount, test.DatabaseOptions.Text("replication"), context.RunId, context.BaseImage), context.Progress);

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test)
    {
        var pg = (PostgresCluster)cluster;
        var endpoints = new PostgresEndpoints(pg.ConnectionString, () => pg.Primary, () => pg.Standbys);
        return PostgresClients.For(workload, test, endpoints);
    }
}
