using System.Data.Common;
using Harness.Workloads.Sql;
using Npgsql;

namespace Harness.Workloads.Postgres;

/// <summary>PostgreSQL's SQL for the shared clients (<see cref="SqlClients"/>), connections through Npgsql, and the
/// deadline-bounded query helper the cluster uses for health, lag and failover steps.</summary>
public sealed class PostgresDialect : ISqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    /// <summary>Short queries with a hard deadline through Npgsql.</summary>
    public static SqlQuery Query { get; } = new(Instance);

    public DbConnection CreateConnection(string connectionString, SqlConnectionSettings settings)
    {
        // Built-in types only: loading the catalog's types on a connection's first open runs several queries, and on a
        // loaded machine they outlast the connect deadline, are cancelled, and are tried again on every open (measured:
        // every client connect to the primary timed out this way at load average 50-78).
#pragma warning disable CS0618 // the data-source builder has no per-connection-string equivalent for these short-lived connections
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ServerCompatibilityMode = ServerCompatibilityMode.NoTypeLoading };
#pragma warning restore CS0618
        if (settings.ConnectTimeout is { } timeout) builder.Timeout = SqlDeadlines.WholeSeconds(timeout);
        if (settings.AbandonOnCancel) builder.CancellationTimeout = -1;
        if (settings.NoCommandTimeout) builder.CommandTimeout = 0;
        return new NpgsqlConnection(builder.ConnectionString);
    }

    public string RegisterRead => "SELECT val FROM registers WHERE id = @key";
    public string RegisterWrite => "INSERT INTO registers (id, val) VALUES (@key, @value) ON CONFLICT (id) DO UPDATE SET val = EXCLUDED.val";
    public string RegisterCas => "UPDATE registers SET val = @new WHERE id = @key AND val = @old";
    public string SetAdd => "INSERT INTO set_elements (element) VALUES (@element)";
    public string SetRead => "SELECT element FROM set_elements ORDER BY element";
    public string ListRead => "SELECT val FROM lists WHERE id = @key";
    public string ListAppend => "INSERT INTO lists (id, val) VALUES (@key, @element) ON CONFLICT (id) DO UPDATE SET val = lists.val || ',' || EXCLUDED.val";
    public string Begin(string isolationLevel) => "BEGIN ISOLATION LEVEL " + isolationLevel;
}
