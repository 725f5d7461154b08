using System.Globalization;
using Npgsql;

namespace Harness.Integration.Tests.Faults;

/// <summary>Queries that return many rows, each with its own deadline.</summary>
internal static class PgRows
{
    public static async Task<List<object?[]>> RowsAsync(string connectionString, string sql)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cts.Token);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 30 };
        await using var reader = await command.ExecuteReaderAsync(cts.Token);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cts.Token))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<List<double>> ColumnAsync(string connectionString, string sql) =>
        (await RowsAsync(connectionString, sql)).Select(r => Convert.ToDouble(r[0], CultureInfo.InvariantCulture)).ToList();
}
