using Npgsql;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>
/// One short query on a fresh connection with a hard deadline. A paused node accepts TCP (through the
/// port proxy) but never answers; the deadline, enforced both by cancellation and by abandoning the wait,
/// guarantees a return. <see cref="TryRowsAsync"/> reports any failure as null rows; <see cref="ScalarAsync"/>
/// throws it (for control steps such as a promotion, whose failure must be reported).
/// </summary>
internal static class PgQuery
{
    public static async Task<IReadOnlyList<object?[]>?> TryRowsAsync(
        string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(deadline);
        // No waiting for the server to acknowledge a cancellation: a frozen server never would.
        var quick = new NpgsqlConnectionStringBuilder(connectionString) { CancellationTimeout = -1, Timeout = Math.Max(1, (int)Math.Ceiling(deadline.TotalSeconds)) }.ConnectionString;
        var query = RowsAsync(quick, sql, cts.Token);
        try
        {
            return await query.WaitAsync(deadline + TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _ = query.ContinueWith(t => t.Exception, TaskScheduler.Default); // observe a late failure
            return null;
        }
    }

    /// <summary>The first column of the first row (null if none); throws on failure or when the deadline passes.</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(deadline);
        var quick = new NpgsqlConnectionStringBuilder(connectionString) { CancellationTimeout = -1, CommandTimeout = 0 }.ConnectionString;
        var query = RowsAsync(quick, sql, cts.Token);
        try
        {
            var rows = await query.WaitAsync(deadline + TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            return rows is [[var value, ..], ..] ? value : null;
        }
        catch (TimeoutException)
        {
            _ = query.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw new TimeoutException($"no answer within {deadline.TotalSeconds:0.#} s to: {sql}");
        }
    }

    private static async Task<IReadOnlyList<object?[]>> RowsAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
