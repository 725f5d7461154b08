using StackExchange.Redis;

namespace Harness.Workloads.Redis.Internal;

/// <summary>
/// A client's connections, one multiplexer per node it talks to, opened on first use and dropped after any error
/// so the next operation connects afresh (each logical process owns its connections, as in Jepsen). Commands are
/// never queued while disconnected (<see cref="BacklogPolicy.FailFast"/>), so a command that could not be sent fails
/// at once and is known not to have happened. No tie-breaker key and no configuration channel: the multiplexer
/// talks to one redis and nothing else.
/// </summary>
internal sealed class NodeConnections(Func<string, (string Host, int Port)> endpoint, int timeoutMs, string clientName) : IAsyncDisposable
{
    private readonly Dictionary<string, ConnectionMultiplexer> open = new(StringComparer.Ordinal);

    public async Task<IDatabase> OpenAsync(string node, CancellationToken ct)
    {
        if (open.TryGetValue(node, out var existing) && existing.IsConnected) return existing.GetDatabase();
        Drop(node);
        var (host, port) = endpoint(node);
        var options = new ConfigurationOptions
        {
            EndPoints = { { host, port } },
            AbortOnConnectFail = true,
            ConnectRetry = 1,
            ConnectTimeout = Math.Min(2000, timeoutMs),
            SyncTimeout = timeoutMs,
            AsyncTimeout = timeoutMs,
            BacklogPolicy = BacklogPolicy.FailFast,
            TieBreaker = "",
            ConfigurationChannel = "",
            ClientName = clientName,
            AllowAdmin = false,
        };
        var connect = ConnectionMultiplexer.ConnectAsync(options);
        ConnectionMultiplexer mux;
        try
        {
            mux = await connect.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the deadline passed mid-connect: close the multiplexer whenever it does connect
            _ = connect.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
        open[node] = mux;
        return mux.GetDatabase();
    }

    public bool IsOpen(string node) => open.TryGetValue(node, out var c) && c.IsConnected;

    public void Drop(string node)
    {
        if (open.Remove(node, out var c)) _ = Task.Run(() => c.Dispose());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in open.Values)
        {
            try
            {
                await c.CloseAsync(allowCommandsToComplete: false).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                c.Dispose();
            }
            catch (Exception e) when (e is TimeoutException or RedisException or ObjectDisposedException)
            {
                // a connection to a paused or dead node is abandoned
            }
        }
        open.Clear();
    }
}
