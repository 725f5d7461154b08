using Npgsql;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>A client's open connections, one per node, opened on first use and dropped after any error so the
/// next operation reconnects. Pooling is off: each logical process owns its connections, as in Jepsen.</summary>
internal sealed class NodeConnections(Func<string, string> connectionString) : IAsyncDisposable
{
    private readonly Dictionary<string, NpgsqlConnection> _open = [];

    public async Task<NpgsqlConnection> OpenAsync(string node, CancellationToken ct)
    {
        if (_open.TryGetValue(node, out var c) && c.State == System.Data.ConnectionState.Open) return c;
        // Connecting must give up before the runner's operation deadline: a connection never made is a definite
        // Fail, while a deadline missed is Info and retires the process.
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString(node)) { Timeout = 2 }.ConnectionString);
        try
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await conn.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _open[node] = conn;
        return conn;
    }

    public bool IsOpen(string node) => _open.TryGetValue(node, out var c) && c.State == System.Data.ConnectionState.Open;

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
