using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.MariaDb.Internal;
using MySqlConnector;

namespace Harness.Workloads.MariaDb.Workloads;

/// <summary>
/// Unique inserts into <c>set_elements</c>, each client on its own node, while faults run; after healing and
/// recovery every process reads the whole set from its own node, so every node is read. Unique elements never
/// conflict, so a correct cluster converges: an element missing from one node's final read but present on another
/// is divergent, one missing everywhere is lost. The set checker counts each fate.
/// </summary>
public static class SetClients
{
    public static WorkloadClient Create(MariaDbEndpoints endpoints) => new(
        context => new Client(endpoints, context),
        ct => SchemaSetup.CreateAsync(endpoints, "set_elements", "element BIGINT PRIMARY KEY", ct));

    private sealed class Client(MariaDbEndpoints endpoints, ClientContext context) : MariaDbClient(endpoints.ConnectionString, context.Test)
    {
        protected override (string Node, bool IsRead) Route(Op invocation) => (context.Node, invocation.F == "read");

        protected override async Task<object?> ExecuteAsync(MySqlConnection connection, Op op, CancellationToken ct)
        {
            if (op.F == "add")
            {
                await using var insert = new MySqlCommand("INSERT INTO set_elements (element) VALUES (@e)", connection);
                insert.Parameters.AddWithValue("@e", (long)op.Value!);
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return op.Value;
            }
            var elements = new List<object?>();
            await using var read = new MySqlCommand("SELECT element FROM set_elements ORDER BY element", connection);
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) elements.Add(reader.GetInt64(0));
            return elements.ToArray();
        }
    }
}
