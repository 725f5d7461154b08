using Npgsql;

namespace Harness.Integration.Tests.Postgres;

/// <summary>Small SQL calls for the tests, each with its own deadline so a stuck node fails a test instead of hanging it.</summary>
internal static class PgTestSql
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cts.Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cts.Token);
    }

    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cts.Token);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cts.Token);
        return value is DBNull ? null : value;
    }

    /// <summary>Polls until <paramref name="sql"/> returns <paramref name="expected"/> or the wait is over; returns the last value.</summary>
    public static async Task<object?> EventuallyAsync(string connectionString, string sql, object expected, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        object? last = null;
        do
        {
            try
            {
                last = await ScalarAsync(connectionString, sql);
                if (Equals(last, expected)) return last;
            }
            catch (NpgsqlException)
            {
                // Not reachable yet.
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);
        return last;
    }
}
