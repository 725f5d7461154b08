using Harness.Checkers.Sets;
using Harness.Checkers.Stats;
using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Workloads.Postgres.Internal;
using Npgsql;

namespace Harness.Workloads.Postgres.Workloads;

/// <summary>
/// Unique inserts into <c>set_elements</c> on the primary while faults run; after healing and recovery every
/// process reads the whole set from its own node, so every node is read at least once. The set checker then
/// counts acknowledged-but-lost, unexpected, recovered and divergent elements.
/// </summary>
public sealed class SetWorkload(PostgresEndpoints endpoints) : IWorkload, IWorkloadSetup
{
    public string Name => "set";

    public IReadOnlyDictionary<string, string> CheckerOptions { get; } = new Dictionary<string, string>();

    public IClient OpenClient(ClientContext context) => new Client(endpoints, context);

    public IGenerator Generator()
    {
        long next = 0;
        return Gen.Repeat(_ => GenStep.Invoke("add", next++));
    }

    public IGenerator? FinalGenerator() => Gen.EachProcess(() => Gen.Once("read", null));

    public IChecker Checker() => CreateChecker();

    public static IChecker CreateChecker() => new CompositeChecker("set-workload", [new SetChecker(), new StatsChecker()]);

    public Task SetupAsync(CancellationToken cancellationToken) =>
        Schema.RecreateAsync(endpoints, "DROP TABLE IF EXISTS set_elements; CREATE TABLE set_elements (element bigint PRIMARY KEY)", cancellationToken);

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
