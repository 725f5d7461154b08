using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.MariaDb.Internal;
using MySqlConnector;

namespace Harness.Workloads.MariaDb.Workloads;

/// <summary>
/// Registers as rows of <c>registers(id, val)</c>, read, written and compared-and-set by every client on its own
/// node: all nodes are leaders. On Galera a read may miss a write certified on another node a moment ago
/// (<c>wsrep_sync_wait=0</c>); on the multi-leader pair a read misses everything not yet replicated, and two
/// writes to one key on different nodes can leave the nodes disagreeing for good. The linearizability checker
/// catches both. Values are <c>[key, v]</c>, checked per key against a register that starts absent.
/// </summary>
public static class RegisterClients
{
    public static WorkloadClient Create(TestSpec test, MariaDbEndpoints endpoints) => new(
        context => new Client(endpoints, context),
        ct => SchemaSetup.CreateAsync(endpoints, "registers", "id BIGINT PRIMARY KEY, val BIGINT", ct));

    private sealed class Client(MariaDbEndpoints endpoints, ClientContext context) : MariaDbClient(endpoints.ConnectionString, context.Test)
    {
        protected override (string Node, bool IsRead) Route(Op invocation) => (context.Node, invocation.F == "read");

        protected override async Task<object?> ExecuteAsync(MySqlConnection connection, Op op, CancellationToken ct)
        {
            var kv = (IReadOnlyList<object?>)op.Value!;
            var key = (long)kv[0]!;
            switch (op.F)
            {
                case "read":
                    await using (var cmd = Command(connection, "SELECT val FROM registers WHERE id = @id", ("@id", key)))
                    {
                        var v = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
                        return new object?[] { key, v is long l ? l : null };
                    }
                case "write":
                    await using (var cmd = Command(connection,
                        "INSERT INTO registers (id, val) VALUES (@id, @v) ON DUPLICATE KEY UPDATE val = VALUES(val)", ("@id", key), ("@v", (long)kv[1]!)))
                    {
                        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        return op.Value;
                    }
                default:
                    var pair = (IReadOnlyList<object?>)kv[1]!;
                    await using (var cmd = Command(connection, "UPDATE registers SET val = @new WHERE id = @id AND val = @old",
                        ("@id", key), ("@old", (long)pair[0]!), ("@new", (long)pair[1]!)))
                    {
                        var rows = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        return rows == 1 ? op.Value : new FailedOp($"cas: value was not {pair[0]}");
                    }
            }
        }

        private static MySqlCommand Command(MySqlConnection connection, string sql, params (string Name, long Value)[] parameters)
        {
            var cmd = new MySqlCommand(sql, connection);
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
            return cmd;
        }
    }
}
