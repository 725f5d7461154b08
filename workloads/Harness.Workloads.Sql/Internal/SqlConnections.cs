using System.Data;
using System.Data.Common;
using Harness.Core.Databases;

namespace Harness.Workloads.Sql.Internal;

/// <summary>A client's open connections, one per node, opened on first use and dropped after any error so the
/// next operation reconnects. Pooling is off (the connection strings say so): each logical process owns its
/// connections, as in Jepsen. Opening is bounded by the connect timeout, enforced by cancellation as well as by
/// the driver, whose own timeout has whole-second granularity.</summary>
internal sealed class SqlConnections(ISqlDialect dialect, Func<string, string> connectionString, TimeSpan connectTimeout) : IAsyncDisposable
{
    private readonly Dictionary<string, DbConnection> _open = [];

    public bool IsOpen(string node) => _open.TryGetValue(node, out var c) && c.State == ConnectionState.Open;

    public async Task<DbConnection> OpenAsync(string node, CancellationToken ct)
    {
        if (_open.TryGetValue(node, out var c) && c.State == ConnectionState.Open) return c;
        Drop(node);
        var conn = dialect.CreateConnection(connectionString(node), new SqlConnectionSettings(connectTimeout));
        using var cts = new DeadlineSource(connectTimeout, ct);
        try
        {
            await conn.OpenAsync(cts.Token).ConfigureAwait(false);
        }
        catch
        {
            Abandon(conn);
            throw;
        }
        _open[node] = conn;
        return conn;
    }

    public void Drop(string node)
    {
        if (_open.Remove(node, out var c)) Abandon(c);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _open.Values)
        {
            try
            {
                await c.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A connection to a paused or dead node is abandoned.
            }
        }
        _open.Clear();
    }

    /// <summary>Disposes in the background: closing a connection to a frozen node can block.</summary>
    private static void Abandon(DbConnection c) => _ = Task.Run(() => c.DisposeAsync().AsTask(), CancellationToken.None);
}
