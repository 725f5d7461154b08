using System.Data;
using System.Data.Common;
using Harness.Core.Databases;

namespace Harness.Workloads.Sql.Internal;

/// <summary>A client's open connections, one per node, opened on first use and dropped after any error so the
/// next operation reconnects. Pooling is off (the connection strings say so): each logical process owns its
/// connections, as in Jepsen. Opening is bounded by the connect timeout, enforced by cancellation as well as by
/// the driver, whose own timeout has whole-second granularity; a connect that missed it is a
/// <see cref="TimeoutException"/> saying so. After a failed connect the node is not tried again until its
/// <see cref="ReconnectBackoff"/> delay has passed: an operation waits for it up to <paramref name="waitBudget"/>, and
/// past that fails without trying (<see cref="ConnectDeferredException"/>), so clients of a starved server do not
/// storm it with connects each of which costs it a fork; and at most a few connects per node are in flight over all
/// clients of the cluster (<see cref="NodeConnectLimiter"/>), waited for within the same budget.</summary>
internal sealed class SqlConnections(
    ISqlDialect dialect,
    Func<string, string> connectionString,
    TimeSpan connectTimeout,
    ReconnectGate gate,
    NodeConnectLimiter limiter,
    TimeSpan waitBudget,
    TimeProvider time) : IAsyncDisposable
{
    private readonly Dictionary<string, DbConnection> _open = [];

    private TimeSpan Now => time.GetElapsedTime(0);

    public bool IsOpen(string node) => _open.TryGetValue(node, out var c) && c.State == ConnectionState.Open;

    public async Task<DbConnection> OpenAsync(string node, CancellationToken ct)
    {
        if (_open.TryGetValue(node, out var c) && c.State == ConnectionState.Open) return c;
        Drop(node);
        var started = Now;
        await WaitForBackoffAsync(node, ct).ConfigureAwait(false);
        var left = waitBudget - (Now - started);
        if (!await limiter.EnterAsync(node, left > TimeSpan.Zero ? left : TimeSpan.Zero, ct).ConfigureAwait(false))
            throw ConnectDeferredException.Busy(node, limiter.PerNode);
        try
        {
            return await ConnectAsync(node, ct).ConfigureAwait(false);
        }
        finally
        {
            limiter.Leave(node);
        }
    }

    private async Task<DbConnection> ConnectAsync(string node, CancellationToken ct)
    {
        var conn = dialect.CreateConnection(connectionString(node), new SqlConnectionSettings(connectTimeout));
        using var cts = new DeadlineSource(connectTimeout, ct);
        try
        {
            await conn.OpenAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Abandon(conn);
            gate.Failed(node, Now);
            throw new TimeoutException($"connect timed out after {connectTimeout.TotalSeconds:0.###} s");
        }
        catch
        {
            Abandon(conn);
            if (!ct.IsCancellationRequested) gate.Failed(node, Now);
            throw;
        }
        gate.Succeeded(node);
        _open[node] = conn;
        return conn;
    }

    private async Task WaitForBackoffAsync(string node, CancellationToken ct)
    {
        var remaining = gate.Remaining(node, Now);
        if (remaining <= TimeSpan.Zero) return;
        if (remaining > waitBudget)
        {
            if (waitBudget > TimeSpan.Zero) await Task.Delay(waitBudget, time, ct).ConfigureAwait(false);
            throw ConnectDeferredException.BackingOff(gate.Failures(node), remaining - waitBudget);
        }
        await Task.Delay(remaining, time, ct).ConfigureAwait(false);
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
