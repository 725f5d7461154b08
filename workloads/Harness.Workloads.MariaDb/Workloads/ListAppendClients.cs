using System.Globalization;
using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.MariaDb.Internal;
using MySqlConnector;

namespace Harness.Workloads.MariaDb.Workloads;

/// <summary>
/// Elle's list-append on MariaDB: each key is a row of <c>lists(id, val)</c> whose text is a comma-separated list;
/// an append concatenates with <c>CONCAT_WS</c> inside the transaction, a read returns the list. Every client runs
/// its transactions on its own node at the test's isolation level (<c>SET SESSION TRANSACTION ISOLATION LEVEL</c>).
/// InnoDB's REPEATABLE READ reads from a snapshot but writes the latest row version, so two transactions can read
/// the same list and both append (a lost update); Galera adds certification aborts (1213, Fail) across nodes.
/// A failure before COMMIT is Fail; a connection lost or a deadline missed during COMMIT is Info.
/// </summary>
public static class ListAppendClients
{
    public static WorkloadClient Create(TestSpec test, MariaDbEndpoints endpoints) => new(
        context => new Client(endpoints, context),
        ct => SchemaSetup.CreateAsync(endpoints, "lists", "id BIGINT PRIMARY KEY, val TEXT NOT NULL", ct));

    /// <summary>The SQL isolation level for a test's <c>--isolation</c> value, e.g. repeatable-read -> REPEATABLE READ.</summary>
    public static string IsolationLevel(string isolation) => isolation switch
    {
        "read-uncommitted" or "read-committed" or "repeatable-read" or "serializable" => isolation.Replace('-', ' ').ToUpperInvariant(),
        _ => throw new ArgumentException($"unknown isolation level '{isolation}'", nameof(isolation)),
    };

    private sealed class Client(MariaDbEndpoints endpoints, ClientContext context) : MariaDbClient(endpoints.ConnectionString, context.Test)
    {
        private readonly string _begin = $"SET SESSION TRANSACTION ISOLATION LEVEL {IsolationLevel(context.Test.DatabaseOptions.Text("isolation"))}; START TRANSACTION";

        protected override (string Node, bool IsRead) Route(Op invocation) => (context.Node, false);

        protected override async Task<object?> ExecuteAsync(MySqlConnection connection, Op op, CancellationToken ct)
        {
            var txn = (IReadOnlyList<object?>)op.Value!;
            var result = new object?[txn.Count];
            Stage = OpStage.BeforeCommit;
            await ExecAsync(connection, _begin, ct).ConfigureAwait(false);
            try
            {
                for (var i = 0; i < txn.Count; i++) result[i] = await MicroOpAsync(connection, (IReadOnlyList<object?>)txn[i]!, ct).ConfigureAwait(false);
            }
            catch (MySqlException e) when (MariaDbErrors.IsRefusal(e))
            {
                await RollbackQuietlyAsync(connection).ConfigureAwait(false);
                return new FailedOp($"{e.Number} {e.Message}");
            }
            Stage = OpStage.Committing;
            await ExecAsync(connection, "COMMIT", ct).ConfigureAwait(false);
            return result;
        }

        private static async Task<object?> MicroOpAsync(MySqlConnection connection, IReadOnlyList<object?> mop, CancellationToken ct)
        {
            var key = (long)mop[1]!;
            if ((string)mop[0]! == "append")
            {
                await using var append = new MySqlCommand(
                    "INSERT INTO lists (id, val) VALUES (@id, @v) ON DUPLICATE KEY UPDATE val = CONCAT_WS(',', val, VALUES(val))", connection);
                append.Parameters.AddWithValue("@id", key);
                append.Parameters.AddWithValue("@v", ((long)mop[2]!).ToString(CultureInfo.InvariantCulture));
                await append.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return mop;
            }
            await using var read = new MySqlCommand("SELECT val FROM lists WHERE id = @id", connection);
            read.Parameters.AddWithValue("@id", key);
            var text = await read.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
            var values = string.IsNullOrEmpty(text)
                ? []
                : text.Split(',').Select(s => (object?)long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            return new object?[] { "r", key, values };
        }

        private static async Task ExecAsync(MySqlConnection connection, string sql, CancellationToken ct)
        {
            await using var cmd = new MySqlCommand(sql, connection);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        private static async Task RollbackQuietlyAsync(MySqlConnection connection)
        {
            try
            {
                await ExecAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The connection is dropped after a failed operation anyway.
            }
        }
    }
}
