using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.MariaDb.Internal;
using Harness.Workloads.Sql;

namespace Harness.Workloads.MariaDb.Workloads;

/// <summary>
/// The register, set and list-append clients for a MariaDB cluster: the shared <see cref="SqlClients"/> with
/// MariaDB's dialect and outcome classifier, every client on its own node (all nodes are leaders). On Galera a
/// read may miss a write certified on another node a moment ago (<c>wsrep_sync_wait=0</c>); on the multi-leader pair
/// a read misses everything not yet replicated. InnoDB's REPEATABLE READ reads a snapshot but writes the latest row
/// version, so list-append can lose updates; Galera adds certification aborts (1213, Fail) across nodes. Each
/// workload's table is created on the first node of the endpoints (the primary, for a single-leader cluster) and
/// awaited on every node before the clock starts.
/// </summary>
public static class MariaDbClients
{
    /// <param name="routing">Where operations go: each client's own node unless given (a single-leader cluster routes to its primary).</param>
    public static WorkloadClient For(string workload, TestSpec test, MariaDbEndpoints endpoints, string database, ISqlRouting? routing = null)
    {
        var cluster = new SqlCluster(MariaDbDialect.Instance, MariaDbOutcomes.Instance, routing ?? OwnNodeRouting.Instance, endpoints.ConnectionString);
        return workload switch
        {
            "register" => new(SqlClients.Register(cluster),
                ct => SchemaSetup.CreateAsync(endpoints, "registers", "id BIGINT PRIMARY KEY, val BIGINT", ct)),
            "set" => new(SqlClients.Set(cluster),
                ct => SchemaSetup.CreateAsync(endpoints, "set_elements", "element BIGINT PRIMARY KEY", ct)),
            "list-append" => new(SqlClients.ListAppend(cluster, test.DatabaseOptions.Text("isolation")),
                ct => SchemaSetup.CreateAsync(endpoints, "lists", "id BIGINT PRIMARY KEY, val TEXT NOT NULL", ct)),
            _ => throw new ArgumentException($"{database} has no client for the '{workload}' workload"),
        };
    }
}
