using System.Data.Common;
using Harness.Core.Databases;

namespace Harness.Workloads.Sql;

/// <summary>
/// One short query on a fresh connection with a hard deadline, for health checks, lag probes and control steps.
/// A paused node accepts TCP (through the port proxy) but never answers; the deadline, enforced both by
/// cancellation and by abandoning the wait, guarantees a return. The <c>Try</c> methods report any failure as
/// null; <see cref="ScalarAsync"/> throws it (for a control step such as a promotion, whose failure must be reported).
/// </summary>
public sealed class SqlQuery(ISqlDialect dialect)
{
    /// <summary>Rows as value arrays in column order, or null on any failure.</summary>
    public async Task<IReadOnlyList<object?[]>?> TryRowsAsync(string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken) =>
        (await TryReadAsync(connectionString, sql, deadline, cancellationToken).ConfigureAwait(false))?.Rows;

    /// <summary>Rows as column name -> value (case-insensitive names; handy for <c>SHOW</c> statements), or null on any failure.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>?> TryNamedRowsAsync(
        string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var result = await TryReadAsync(connectionString, sql, deadline, cancellationToken).ConfigureAwait(false);
        return result?.Rows.Select(IReadOnlyDictionary<string, object?> (row) =>
        {
            var named = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < row.Length; i++) named[result.Names[i]] = row[i];
            return named;
        }).ToList();
    }

    /// <summary>The first column of the first row (null if none); throws on failure or when the deadline passes.</summary>
    public async Task<object?> ScalarAsync(string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var cts = new DeadlineSource(deadline, cancellationToken);
        var settings = new SqlConnectionSettings(ConnectTimeout: null, AbandonOnCancel: true, NoCommandTimeout: true);
        var query = ReadAsync(dialect.CreateConnection(connectionString, settings), sql, cts.Token);
        try
        {
            var result = await query.WaitAsync(deadline + TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            return result.Rows is [[var value, ..], ..] ? value : null;
        }
        catch (TimeoutException)
        {
            _ = query.ContinueWith(t => t.Exception, TaskScheduler.Default); // observe a late failure
            throw new TimeoutException($"no answer within {deadline.TotalSeconds:0.#} s to: {sql}");
        }
    }

    private async Task<Result?> TryReadAsync(string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var cts = new DeadlineSource(deadline, cancellationToken);
        var query = ReadAsync(dialect.CreateConnection(connectionString, new SqlConnectionSettings(deadline, AbandonOnCancel: true)), sql, cts.Token);
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

    private static async Task<Result> ReadAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var _ = connection;
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new Result(names, rows);
    }

    private sealed record Result(string[] Names, List<object?[]> Rows);
}
