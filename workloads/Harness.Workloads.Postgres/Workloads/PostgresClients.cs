using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Postgres.Internal;
using Harness.Workloads.Postgres.Routing;
using Harness.Workloads.Sql;

namespace Harness.Workloads.Postgres.Workloads;

/// <summary>
/// The register, set and list-append clients for any PostgreSQL deployment reachable through
/// <see cref="PostgresEndpoints"/>: the shared <see cref="SqlClients"/> with PostgreSQL's dialect, outcome classifier
/// and routing, plus each workload's table, recreated on the primary before the clock starts. Register reads follow
/// <c>--read-from</c> (a strategy of <see cref="ReadRoutingOptions"/>; a standby may serve stale values under
/// asynchronous replication, which the linearizability and session checkers should catch); set reads come from every process's own node; list-append runs at <c>--isolation</c>.
/// </summary>
public static class PostgresClients
{
    public static WorkloadClient For(string workload, TestSpec test, PostgresEndpoints endpoints)
    {
        var cluster = new SqlCluster(PostgresDialect.Instance, PostgresOutcomes.Instance,
            new PostgresRouting(endpoints, ReadRoutingOptions.From(test)), endpoints.ConnectionString);
        return workload switch
        {
            "register" => new(SqlClients.Register(cluster),
                ct => Schema.RecreateAsync(endpoints, "DROP TABLE IF EXISTS registers; CREATE TABLE registers (id bigint PRIMARY KEY, val bigint)", ct)),
            "set" => new(SqlClients.Set(cluster),
                ct => Schema.RecreateAsync(endpoints, "DROP TABLE IF EXISTS set_elements; CREATE TABLE set_elements (element bigint PRIMARY KEY)", ct)),
            "list-append" => new(SqlClients.ListAppend(cluster, test.DatabaseOptions.Text("isolation")),
                ct => Schema.RecreateAsync(endpoints, "DROP TABLE IF EXISTS lists; CREATE TABLE lists (id bigint PRIMARY KEY, val text NOT NULL)", ct)),
            _ => throw new ArgumentException($"postgres has no client for the '{workload}' workload"),
        };
    }
}
