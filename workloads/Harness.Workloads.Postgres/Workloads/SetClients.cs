using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Postgres.Internal;
using Npgsql;

namespace Harness.Workloads.Postgres.Workloads;

/// <summary>
/// Unique inserts into <c>set_elements</c> on the primary while faults run; after healing and recovery every
/// process reads the whole set from its own node, so every node is read at least once. The set checker then
/// counts acknowledged-but-lost, unexpected, recovered and divergent elements.
/// </summary>
public static class SetClients
{
    public static WorkloadClient Create(PostgresEndpoints endpoints) => new(
        context => new Client(endpoints, context),
        ct => Schema.RecreateAsync(endpoints, "DROP TABLE IF EXISTS set_elements; CREATE TABLE set_elements (element bigint PRIMARY KEY)", ct));

    private sealed class Client(PostgresEndpoints endpoints, ClientContext context) : PostgresClient(endpoints.ConnectionString)
    {
        protected override (string Node, bool IsRead) Route(Op invocation) =>
            invocation.F == "read" ? (context.Node, true) : (endpoints.Primary, false);

        protected override async Task<object?> ExecuteAsync(NpgsqlConnection connection, Op op, CancellationToken ct)
        {
            if (op.F == "add")
            {
                await using var insert = new NpgsqlCommand("INSERT INTO set_elements (element) VALUES ($1)", connection);
                insert.Parameters.AddWithValue((long)op.Value!);
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return op.Value;
            }
            var elements = new List<object?>();
            await using var read = new NpgsqlCommand("SELECT element FROM set_elements ORDER BY element", connection);
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) elements.Add(reader.GetInt64(0));
            return elements.ToArray();
        }
    }
}
