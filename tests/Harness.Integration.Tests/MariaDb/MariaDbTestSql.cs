using MySqlConnector;

namespace Harness.Integration.Tests.MariaDb;

/// <summary>Small SQL calls for the MariaDB tests, each with its own deadline so a stuck node fails a test instead of hanging it.</summary>
internal static class MariaDbTestSql
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cts.Token);
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = (int)Deadline.TotalSeconds };
        return await command.ExecuteNonQueryAsync(cts.Token);
    }

    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cts.Token);
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = (int)Deadline.TotalSeconds };
        var value = await command.ExecuteScalarAsync(cts.Token);
        return value is DBNull ? null : value;
    }

    /// <summary>Polls until <paramref name="sql"/> returns <paramref name="expected"/> or the wait is over; returns the last value.</summary>
    public static async Task<object?> EventuallyAsync(string connectionString, string sql, object? expected, TimeSpan wait)
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
            catch (MySqlException)
            {
                // Not reachable or not ready yet.
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);
        return last;
    }

    /// <summary>Polls until running <paramref name="sql"/> fails with server error <paramref name="number"/>; returns the last error number (0 = it succeeded).</summary>
    public static async Task<int> EventuallyFailsWithAsync(string connectionString, string sql, int number, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        var last = 0;
        do
        {
            try
            {
                await ExecuteAsync(connectionString, sql);
                last = 0;
            }
            catch (MySqlException e)
            {
                last = e.Number;
                if (last == number) return last;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);
        return last;
    }
}
