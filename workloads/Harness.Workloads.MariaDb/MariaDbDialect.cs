using System.Data.Common;
using System.Globalization;
using Harness.Workloads.Sql;
using MySqlConnector;

namespace Harness.Workloads.MariaDb;

/// <summary>MariaDB's SQL for the shared clients (<see cref="SqlClients"/>), connections through MySqlConnector, and
/// the deadline-bounded query helper the clusters use for health and lag.</summary>
public sealed class MariaDbDialect : ISqlDialect
{
    public static MariaDbDialect Instance { get; } = new();

    /// <summary>Short queries with a hard deadline through MySqlConnector.</summary>
    public static SqlQuery Query { get; } = new(Instance);

    public DbConnection CreateConnection(string connectionString, SqlConnectionSettings settings)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        if (settings.ConnectTimeout is { } timeout) builder.ConnectionTimeout = (uint)SqlDeadlines.WholeSeconds(timeout);
        if (settings.AbandonOnCancel) builder.CancellationTimeout = -1;
        if (settings.NoCommandTimeout) builder.DefaultCommandTimeout = 0;
        return new MySqlConnection(builder.ConnectionString);
    }

    public string RegisterRead => "SELECT val FROM registers WHERE id = @key";
    public string RegisterWrite => "INSERT INTO registers (id, val) VALUES (@key, @value) ON DUPLICATE KEY UPDATE val = VALUES(val)";
    public string RegisterCas => "UPDATE registers SET val = @new WHERE id = @key AND val = @old";
    public string SetAdd => "INSERT INTO set_elements (element) VALUES (@element)";
    public string SetRead => "SELECT element FROM set_elements ORDER BY element";
    public string ListRead => "SELECT val FROM lists WHERE id = @key";
    public string ListAppend => "INSERT INTO lists (id, val) VALUES (@key, @element) ON DUPLICATE KEY UPDATE val = CONCAT_WS(',', val, VALUES(val))";
    public string Begin(string isolationLevel) => $"SET SESSION TRANSACTION ISOLATION LEVEL {isolationLevel}; START TRANSACTION";

    /// <summary>A <c>SHOW ... STATUS</c> / <c>SHOW VARIABLES</c> answer as name -> value, or null.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> TryVariablesAsync(
        string connectionString, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var rows = await Query.TryNamedRowsAsync(connectionString, sql, deadline, cancellationToken).ConfigureAwait(false);
        return rows?.ToDictionary(r => Convert.ToString(r["Variable_name"], CultureInfo.InvariantCulture) ?? "",
            r => Convert.ToString(r["Value"], CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase);
    }
}
