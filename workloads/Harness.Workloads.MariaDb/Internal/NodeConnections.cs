using MySqlConnector;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>A client's open connections, one per node, opened on first use and dropped after any error so the
/// next operation reconnects. Pooling is off: each logical process owns its connections, as in Jepsen.</summary>
internal sealed class NodeConnections(Func<string, string> connectionString, TimeSpan connectTimeout) : IAsyncDisposable
{
    private readonly Dictionary<string, MySqlConnection> _open = [];

    public async Task<MySqlConnection> OpenAsync(string node, CancellationToken ct)
    {
        if (_open.TryGetValue(node, out var c) && c.State == System.Data.ConnectionState.Open) return c;
        // Connecting must give up before the runner's operation deadline: a connection never made is a definite
        // Fail, while a deadline missed is Info and retires the process.
        var builder = new MySqlConnectionStringBuilder(connectionString(node))
        {
            ConnectionTimeout = (uint)Math.Max(1, Math.Floor(connectTimeout.TotalSeconds)),
        };
        var conn = new MySqlConnection(builder.ConnectionString);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(connectTimeout);
        try
        {
            await conn.OpenAsync(cts.Token).ConfigureAwait(false);
        }
        catch
        {
            _ = Task.Run(() => conn.DisposeAsync().AsTask(), CancellationToken.None);
            throw;
        }
        _open[node] = conn;
        return conn;
    }

    public void Drop(string node)
    {
        if (_open.Remove(node, out var c)) _ = Task.Run(() => c.DisposeAsync().AsTask());
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
}
