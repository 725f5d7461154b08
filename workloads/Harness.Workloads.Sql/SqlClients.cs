using Harness.Core.Testing;
using Harness.Workloads.Sql.Internal;

namespace Harness.Workloads.Sql;

/// <summary>
/// The register, set and list-append clients for any SQL cluster, written once over <c>System.Data.Common</c>.
/// A module passes its <see cref="SqlCluster"/> (dialect, outcome classifier, routing, connection strings) and gets
/// the client factory for <c>WorkloadClient.Open</c>; it keeps only its schema setup.
/// </summary>
public static class SqlClients
{
    public static Func<ClientContext, IClient> Register(SqlCluster cluster) => context => new SqlRegisterClient(cluster, context);

    public static Func<ClientContext, IClient> Set(SqlCluster cluster) => context => new SqlSetClient(cluster, context);

    /// <summary>List-append transactions at <paramref name="isolation"/> (an <c>--isolation</c> choice such as repeatable-read).</summary>
    public static Func<ClientContext, IClient> ListAppend(SqlCluster cluster, string isolation)
    {
        SqlIsolation.Level(isolation); // refuse an unknown level when the workload is built, not at the first operation
        return context => new SqlListAppendClient(cluster, context, isolation);
    }
}
