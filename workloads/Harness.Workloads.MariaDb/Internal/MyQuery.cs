using MySqlConnector;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>
/// One short query on a fresh connection with a hard deadline, rows returned as column-name dictionaries (handy for
/// <c>SHOW</c> statements). A paused node accepts TCP through the port proxy but never answers; the deadline,
/// enforced both by cancellation and by abandoning the wait, guarantees a return. Failures give null, never throw.
/// </summary>
internal static class MyQuery
{
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>?> TryRowsAsync(
        string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(deadline);
        var quick = new MySqlConnectionStringBuilder(connectionString)
        {
            ConnectionTimeout = (uint)Math.Max(1, Math.Ceiling(deadline.TotalSeconds)),
            CancellationTimeout = -1,
        }.ConnectionString;
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

    /// <summary>A <c>SHOW ... STATUS</c> / <c>SHOW VARIABLES</c> answer as name -> value, or null.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> TryVariablesAsync(
        string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var rows = await TryRowsAsync(connectionString, sql, deadline, cancellationToken).ConfigureAwait(false);
        return rows?.ToDictionary(r => Convert.ToString(r["Variable_name"], System.Globalization.CultureInfo.InvariantCulture) ?? "",
            r => Convert.ToString(r["Value"], System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RowsAsync(
        string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
