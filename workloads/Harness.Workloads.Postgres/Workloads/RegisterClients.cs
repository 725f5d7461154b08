using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Postgres.Internal;
using Npgsql;

namespace Harness.Workloads.Postgres.Workloads;

/// <summary>
/// Registers as rows of <c>registers(id, val)</c>. Writes and cas go to the primary; reads go to the primary, or
/// with <c>--read-from followers</c> to a standby, which under asynchronous replication may serve stale values —
/// exactly what the linearizability checker should catch. Checked per key against a register that starts absent.
/// </summary>
public static class RegisterClients
{
    public static WorkloadClient Create(TestSpec test, PostgresEndpoints endpoints) => new(
        context => new Client(endpoints, context, test.DatabaseOptions.Text("read-from") == "followers"),
        ct => Schema.RecreateAsync(endpoints, "DROP TABLE IF EXISTS registers; CREATE TABLE registers (id bigint PRIMARY KEY, val bigint)", ct));

    private sealed class Client(PostgresEndpoints endpoints, ClientContext context, bool fromFollowers)
        : PostgresClient(endpoints.ConnectionString)
    {
        protected override (string Node, bool IsRead) Route(Op invocation) => invocation.F == "read"
            ? (endpoints.ReadNode(context.Process, context.Node, fromFollowers), true)
            : (endpoints.Primary, false);

        protected override async Task<object?> ExecuteAsync(NpgsqlConnection connection, Op op, CancellationToken ct)
        {
            var kv = (IReadOnlyList<object?>)op.Value!;
            var key = (long)kv[0]!;
            switch (op.F)
            {
                case "read":
                    await using (var cmd = new NpgsqlCommand("SELECT val FROM registers WHERE id = $1", connection))
                    {
                        cmd.Parameters.AddWithValue(key);
                        var v = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
                        return new object?[] { key, v is long l ? l : null };
                    }
                case "write":
                    await using (var cmd = new NpgsqlCommand("INSERT INTO registers (id, val) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET val = EXCLUDED.val", connection))
                    {
                        cmd.Parameters.AddWithValue(key);
                        cmd.Parameters.AddWithValue((long)kv[1]!);
                        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        return op.Value;
                    }
                default:
                    var pair = (IReadOnlyList<object?>)kv[1]!;
                    await using (var cmd = new NpgsqlCommand("UPDATE registers SET val = $3 WHERE id = $1 AND val = $2", connection))
                    {
                        cmd.Parameters.AddWithValue(key);
                        cmd.Parameters.AddWithValue((long)pair[0]!);
                        cmd.Parameters.AddWithValue((long)pair[1]!);
                        var rows = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        return rows == 1 ? op.Value : new FailedOp($"cas: value was not {pair[0]}");
                    }
            }
        }
    }
}
