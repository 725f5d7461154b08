using Harness.Core.Testing;
using Harness.Workloads.Postgres.Workloads;
using Harness.Workloads.Sql;

namespace Harness.Workloads.Postgres;

/// <summary>Writes and transactions go to the current primary; register reads to the primary or, with
/// <c>--read-from followers</c>, to a standby chosen by process (<see cref="PostgresEndpoints.ReadNode"/>).</summary>
public sealed class PostgresRouting(PostgresEndpoints endpoints, bool readFromFollowers) : ISqlRouting
{
    public string WriteNode(ClientContext client) => endpoints.WriteNode(client.Process);

    public string ReadNode(ClientContext client) => endpoints.ReadNode(client.Process, client.Node, readFromFollowers);
}
