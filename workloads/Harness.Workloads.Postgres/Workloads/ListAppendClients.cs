using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Postgres.Internal;
using Npgsql;

namespace Harness.Workloads.Postgres.Workloads;

/// <summary>
/// Elle's list-append on PostgreSQL: each key is a row of <c>lists(id, val)</c> whose text value is a
/// comma-separated list; an append concatenates inside the transaction, a read returns the list. Transactions
/// run on the primary at the test's isolation level (<c>--isolation</c>). A serialization failure is Fail; a
/// connection lost or a deadline missed during COMMIT is Info.
/// </summary>
public static class ListAppendClients
{
    public static WorkloadClient Create(TestSpec test, PostgresEndpoints endpoints) => new(
        _ => new Client(endpoints, test.DatabaseOptions.Text("isolation")),
        ct => Schema.RecreateAsync(endpoints, "DROP TABLE IF EXISTS lists; CREATE TABLE lists (id bigint PRIMARY KEY, val text NOT NULL)", ct));

    private sealed class Client(PostgresEndpoints endpoints, string isolation) : PostgresClient(endpoints.ConnectionString)
    {
        private readonly string _begin = "BEGIN ISOLATION LEVEL " + isolation.Replace('-', ' ').ToUpperInvariant();

        protected override (string Node, bool IsRead) Route(Op invocation) => (endpoints.Primary, false);

        protected override async Task<object?> ExecuteAsync(NpgsqlConnection connection, Op op, CancellationToken ct)
        {
            var txn = (IReadOnlyList<object?>)op.Value!;
            var result = new object?[txn.Count];
            await Exec(connection, _begin, ct).ConfigureAwait(false);
            try
            {
                for (var i = 0; i < txn.Count; i++) result[i] = await MicroOpAsync(connection, (IReadOnlyList<object?>)txn[i]!, ct).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                await RollbackQuietly(connection).ConfigureAwait(false);
                return new FailedOp($"{e.SqlState} {e.MessageText}");
            }
            await Exec(connection, "COMMIT", ct).ConfigureAwait(false);
            return result;
        }

        private static async Task<object?> MicroOpAsync(NpgsqlConnection connection, IReadOnlyList<object?> mop, CancellationToken ct)
        {
            var key = (long)mop[1]!;
            if ((string)mop[0]! == "append")
            {
                await using var append = new NpgsqlCommand(
                    "INSERT INTO lists (id, val) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET val = lists.val || ',' || EXCLUDED.val", connection);
                append.Parameters.AddWithValue(key);
                append.Parameters.AddWithValue(((long)mop[2]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
                await append.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return mop;
            }
            await using var read = new NpgsqlCommand("SELECT val FROM lists WHERE id = $1", connection);
            read.Parameters.AddWithValue(key);
            var text = await read.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
            var values = string.IsNullOrEmpty(text)
                ? []
                : text.Split(',').Select(s => (object?)long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return new object?[] { "r", key, values };
        }

        private static async Task Exec(NpgsqlConnection connection, string sql, CancellationToken ct)
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        private static async Task RollbackQuietly(NpgsqlConnection connection)
        {
            try
            {
                await Exec(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The connection is dropped after a failed operation anyway.
            }
        }
    }
}
