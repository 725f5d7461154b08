using Harness.Checkers.Linearizability;
using Harness.Checkers.StaleReads;
using Harness.Checkers.Stats;
using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Runner.Generators;
using Harness.Workloads.Postgres.Internal;
using Npgsql;

namespace Harness.Workloads.Postgres.Workloads;

/// <summary>
/// Registers as rows of <c>registers(id, val)</c>. Writes and cas go to the primary; reads go to the primary, or
/// with <c>--read-from followers</c> to a standby, which under asynchronous replication may serve stale values —
/// exactly what the linearizability checker should catch. Checked per key against a register that starts absent.
/// </summary>
public sealed class RegisterWorkload(TestSpec test, PostgresEndpoints endpoints) : IWorkload, IWorkloadSetup
{
    public string Name => "register";

    /// <summary>Keys are independent registers that start absent, compared and set.</summary>
    public static IReadOnlyDictionary<string, string> DefaultCheckerOptions { get; } =
        new Dictionary<string, string> { ["model"] = "cas-register", ["independent"] = "true" };

    public IReadOnlyDictionary<string, string> CheckerOptions => DefaultCheckerOptions;

    public IClient OpenClient(ClientContext context) => new Client(endpoints, context, test.ReadFrom == "followers");

    public IGenerator Generator() => new RegisterGenerator(test.OpsPerKey);

    public IGenerator? FinalGenerator() => null;

    public IChecker Checker() => CreateChecker();

    /// <summary>Linearizability is the verdict; the stale-read checker adds readable witnesses with their staleness.</summary>
    public static IChecker CreateChecker() =>
        new CompositeChecker("register-workload", [new LinearizabilityChecker(), new StaleReadChecker(), new StatsChecker()]);

    public Task SetupAsync(CancellationToken cancellationToken) =>
        Schema.RecreateAsync(endpoints, "DROP TABLE IF EXISTS registers; CREATE TABLE registers (id bigint PRIMARY KEY, val bigint)", cancellationToken);

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
