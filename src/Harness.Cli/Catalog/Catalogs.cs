using Harness.Core.Databases;
using Harness.Core.Generators;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;
using Harness.Workloads.MariaDb;
using Harness.Workloads.Postgres;
using Harness.Workloads.Postgres.Workloads;

namespace Harness.Cli.Catalog;

/// <summary>
/// Name-keyed catalogues (Jepsen's packages merged by name): a database name gives a cluster, a workload name a
/// workload package, fault names a nemesis with its schedule. Only faults the database supports are offered.
/// </summary>
public static class Catalogs
{
    /// <summary>Databases by name: PostgreSQL streaming replication, MariaDB Galera, MariaDB async multi-leader.</summary>
    public static readonly IReadOnlyList<string> Databases = ["postgres", .. MariaDbCatalog.Databases];

    public static async Task EnsureImagesAsync(TestSpec test, IProgress<string> progress, CancellationToken ct)
    {
        if (MariaDbCatalog.Handles(test.Database)) await MariaDbCatalog.EnsureImagesAsync(test, progress, ct).ConfigureAwait(false);
        else await PostgresCluster.EnsureImagesAsync(test.BaseImage, progress, ct).ConfigureAwait(false);
    }

    public static IDatabase Database(TestSpec test, string runId) => MariaDbCatalog.Handles(test.Database)
        ? MariaDbCatalog.Database(test, runId)
        : new PostgresCluster(new PostgresClusterOptions(Nodes: test.Nodes, Replication: test.Replication, RunId: runId, BaseImage: test.BaseImage));

    public static IWorkload Workload(TestSpec test, IDatabase db)
    {
        if (db is not PostgresCluster cluster)
        {
            try
            {
                return MariaDbCatalog.Workload(test, db);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
        }
        var endpoints = new PostgresEndpoints(cluster.ConnectionString, () => cluster.Primary, () => cluster.Standbys);
        return test.Workload switch
        {
            "register" => RegisterWorkload.Create(test, endpoints),
            "set" => SetWorkload.Create(endpoints),
            "list-append" => ListAppendWorkload.Create(test, endpoints),
            _ => throw new UsageException($"unknown workload '{test.Workload}'"),
        };
    }

    public static (INemesis? Nemesis, IGenerator? Schedule) Nemesis(TestSpec test, IDatabase db)
    {
        var parts = new List<INemesis>();
        var primary = db as IHasPrimary;
        foreach (var fault in test.Nemesis.Distinct())
        {
            INemesis? part = fault switch
            {
                "partition" when db is IPartitionable p => new PartitionNemesis(p, db.Nodes),
                "kill" when db is IKillable k => NodeFaultNemesis.Kill(k, primary),
                "pause" when db is IPausable z => NodeFaultNemesis.Pause(z, primary),
                "failover" when db is IPromotable f => new FailoverNemesis(f),
                "partition-failover" when db is IPartitionable p && db is IPromotable f && primary is not null =>
                    new PartitionFailoverNemesis(p, f, primary, db.Nodes),
                "delay" when db is IDelayable d => new DelayNemesis(d, db.Nodes, primary),
                _ => null,
            };
            if (part is null) throw new UsageException($"{test.Database} does not support the '{fault}' fault");
            parts.Add(part);
        }
        if (parts.Count == 0) return (null, null);
        var schedule = FaultSchedule.Build(test.Nemesis.Distinct().ToList(), db.Nodes,
            TimeSpan.FromSeconds(test.NemesisIntervalSeconds), TimeSpan.FromSeconds(test.FaultDurationSeconds));
        return (new CompositeNemesis(parts), schedule);
    }
}
