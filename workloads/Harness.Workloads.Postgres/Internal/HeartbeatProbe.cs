using System.Diagnostics;
using Harness.Core.Databases;
using Npgsql;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>
/// Replication lag measured the way it can be measured on any database (pt-heartbeat's idea): every
/// <c>interval</c> the probe writes one row on the primary, <c>(seq, sent_ms)</c> with a rising sequence number and
/// the host's clock, and remembers when the primary acknowledged each sequence number. A standby's lag is then read
/// from the sequence number it shows: zero if it shows the newest acknowledged heartbeat, else the time since the
/// first heartbeat it is missing was acknowledged (how long the standby has been missing a committed write). Only the
/// harness's own clock is used, so clock faults on the nodes do not bend it. At most one write is in flight: a write
/// that blocks (a synchronous commit with its standbys gone) delays the next beat instead of piling up.
/// </summary>
internal sealed class HeartbeatProbe(Func<string> primary, Func<string, string> connectionString, TimeSpan interval) : IAsyncDisposable
{
    private const string Ddl = "CREATE TABLE IF NOT EXISTS harness_heartbeat (id int PRIMARY KEY, seq bigint NOT NULL, sent_ms bigint NOT NULL)";
    private const string Beat = "INSERT INTO harness_heartbeat (id, seq, sent_ms) VALUES (1, @seq, @ms) ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, sent_ms = EXCLUDED.sent_ms";
    private static readonly TimeSpan WriteDeadline = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long Seq, long AckTimestamp)> _acks = [];
    private Task? _loop;
    private long _seq;

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>The heartbeat lag of a standby that shows <paramref name="seenSeq"/>, in ms (null before any beat was acknowledged).</summary>
    public double? LagMs(long seenSeq)
    {
        lock (_acks)
        {
            if (_acks.Count == 0) return null;
            var missing = _acks.FindIndex(a => a.Seq > seenSeq);
            return missing < 0 ? 0.0 : Stopwatch.GetElapsedTime(_acks[missing].AckTimestamp).TotalMilliseconds;
        }
    }

    /// <summary>Records that the primary acknowledged heartbeat <paramref name="seq"/> at <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    internal void Acknowledge(long seq, long timestamp)
    {
        lock (_acks)
        {
            _acks.Add((seq, timestamp));
            if (_acks.Count > 20_000) _acks.RemoveRange(0, 10_000);
        }
    }

    /// <summary>Reads the heartbeat a standby shows and turns it into lag (null: no answer within the deadline, or no table yet).</summary>
    public async Task<double?> ReadLagAsync(string standby, CancellationToken ct)
    {
        var rows = await PostgresDialect.Query.TryRowsAsync(connectionString(standby), "SELECT seq FROM harness_heartbeat WHERE id = 1", TimeSpan.FromSeconds(1), ct)
            .ConfigureAwait(false);
        return rows is null ? null : LagMs(rows is [[long seq]] ? seq : 0);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        NpgsqlConnection? conn = null;
        string? node = null;
        while (!ct.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (conn is null || node != primary())
                {
                    Abandon(conn);
                    node = primary();
                    conn = new NpgsqlConnection(connectionString(node));
                    await conn.OpenAsync(ct).WaitAsync(WriteDeadline, ct).ConfigureAwait(false);
                    await ExecAsync(conn, Ddl, [], ct).ConfigureAwait(false);
                }
                var seq = ++_seq;
                await ExecAsync(conn, Beat, [("seq", seq), ("ms", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())], ct).ConfigureAwait(false);
                Acknowledge(seq, Stopwatch.GetTimestamp());
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                Abandon(conn); // primary down, paused or moved: reconnect next beat
                conn = null;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var rest = interval - Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero) await Task.Delay(rest, ct).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
        Abandon(conn);
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, (string Name, long Value)[] parameters, CancellationToken ct)
    {
        using var deadline = new DeadlineSource(WriteDeadline, ct); // asks the server to cancel (a blocked synchronous commit then commits locally)
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(deadline.Token).WaitAsync(WriteDeadline + WriteDeadline, ct).ConfigureAwait(false);
    }

    private static void Abandon(NpgsqlConnection? conn)
    {
        if (conn is not null) _ = Task.Run(() => conn.DisposeAsync().AsTask());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _stop.Dispose();
    }
}
