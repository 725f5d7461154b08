using System.Data.Common;
using System.Globalization;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Workloads.Sql.Internal;

/// <summary>
/// Elle's list-append: each key is a row whose text value is a comma-separated list; an append concatenates inside
/// the transaction, a read returns the list. Transactions run at the given isolation on the routing's write node (a read-only one on its transaction node).
/// Until COMMIT is sent every failure is Fail (a server refusal is rolled back and the connection kept); a failure
/// during COMMIT is classified as a write in flight, so a lost connection or a missed deadline there is Info.
/// </summary>
internal sealed class SqlListAppendClient(SqlCluster cluster, ClientContext context, string isolation) : SqlClient(cluster, context)
{
    private readonly string _begin = cluster.Dialect.Begin(SqlIsolation.Level(isolation));

    /// <summary>A transaction without appends is read-only: the routing may send it to a follower, and having no
    /// effects it is a read (a failure is Fail, and a stale reused connection is retried).</summary>
    protected override (string Node, bool IsRead) Route(Op invocation)
    {
        var readOnly = ((IReadOnlyList<object?>)invocation.Value!).All(m => m is IReadOnlyList<object?> mop && (string?)mop[0] == "r");
        return (Cluster.Routing.TransactionNode(Context, readOnly), readOnly);
    }

    protected override async Task<object?> ExecuteAsync(DbConnection connection, Op op, CancellationToken ct)
    {
        var txn = (IReadOnlyList<object?>)op.Value!;
        var result = new object?[txn.Count];
        Phase = SqlPhase.BeforeCommit;
        await ExecAsync(connection, _begin, ct).ConfigureAwait(false);
        try
        {
            for (var i = 0; i < txn.Count; i++) result[i] = await MicroOpAsync(connection, (IReadOnlyList<object?>)txn[i]!, ct).ConfigureAwait(false);
        }
        catch (DbException e) when (Cluster.Classifier.IsRefusal(e))
        {
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            return new FailedOp(Cluster.Classifier.Describe(e));
        }
        Phase = SqlPhase.Committing;
        await ExecAsync(connection, "COMMIT", ct).ConfigureAwait(false);
        return result;
    }

    private async Task<object?> MicroOpAsync(DbConnection connection, IReadOnlyList<object?> mop, CancellationToken ct)
    {
        var key = (long)mop[1]!;
        if ((string)mop[0]! == "append")
        {
            var element = ((long)mop[2]!).ToString(CultureInfo.InvariantCulture);
            await using var append = Command(connection, Cluster.Dialect.ListAppend, ("@key", key), ("@element", element));
            await append.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return mop;
        }
        await using var read = Command(connection, Cluster.Dialect.ListRead, ("@key", key));
        var text = await read.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
        var values = string.IsNullOrEmpty(text)
            ? []
            : text.Split(',').Select(s => (object?)long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new object?[] { "r", key, values };
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = Command(connection, sql);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task RollbackQuietlyAsync(DbConnection connection)
    {
        try
        {
            await ExecAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A broken connection is reopened by the next operation.
        }
    }
}
