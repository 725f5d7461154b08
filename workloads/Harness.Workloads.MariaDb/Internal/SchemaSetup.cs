using Harness.Workloads.MariaDb.Workloads;
using MySqlConnector;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>
/// Creates a workload's table on the first node and waits until every node has it. Galera applies DDL on all
/// nodes before returning; a multi-leader peer gets it through asynchronous replication, so without the wait a
/// client of the other node could start before its table exists.
/// </summary>
internal static class SchemaSetup
{
    private static readonly TimeSpan ReplicationWait = TimeSpan.FromSeconds(60);

    public static async Task CreateAsync(MariaDbEndpoints endpoints, string table, string columns, CancellationToken ct)
    {
        await CreateOnFirstNodeAsync(endpoints, $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({columns}) ENGINE=InnoDB", ct).ConfigureAwait(false);
        foreach (var node in endpoints.Nodes) await WaitForTableAsync(endpoints.ConnectionString(node), node, table, ct).ConfigureAwait(false);
    }

    /// <summary>A cluster that has just turned healthy can still refuse a first statement (a node changing state, a
    /// slow connect on a busy machine), so the DDL gets a few attempts; both statements are safe to repeat.</summary>
    private static async Task CreateOnFirstNodeAsync(MariaDbEndpoints endpoints, string ddl, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var conn = new MySqlConnection(endpoints.ConnectionString(endpoints.Nodes[0]));
                await conn.OpenAsync(ct).ConfigureAwait(false);
                await using var cmd = new MySqlCommand(ddl, conn) { CommandTimeout = 30 };
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (MySqlException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task WaitForTableAsync(string connectionString, string node, string table, CancellationToken ct)
    {
        var sql = $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '{table}'";
        var until = DateTime.UtcNow + ReplicationWait;
        while (DateTime.UtcNow < until)
        {
            var rows = await MariaDbDialect.Query.TryNamedRowsAsync(connectionString, sql, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            if (rows is [var row] && Convert.ToInt64(row.Values.First(), System.Globalization.CultureInfo.InvariantCulture) == 1) return;
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
        }
        throw new TimeoutException($"table {table} did not appear on {node} within {ReplicationWait.TotalSeconds:0} s");
    }
}
