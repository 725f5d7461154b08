using System.Diagnostics;
using System.Globalization;
using Harness.Core.History;
using Npgsql;

namespace Harness.Workloads.Postgres;

/// <summary>
/// A long read on a standby against WAL replay (the <c>standby-long-read</c> fault). The read is a REPEATABLE READ
/// transaction that takes its snapshot and then sleeps; meanwhile the primary vacuums every second, so replay
/// brings cleanup records that remove rows the snapshot may still see. The standby must choose: delay replay
/// (lag grows) for up to <c>max_standby_streaming_delay</c>, then cancel the query; with
/// <c>hot_standby_feedback=on</c> the primary is told the standby's oldest snapshot and does not remove those rows
/// at all (neither lag nor cancellation, at the price of bloat on the primary). The stop step records whether the
/// read was cancelled (<c>long-read-cancelled</c>), the recovery conflicts the standby counted
/// (<c>recovery-conflicts</c>, from <c>pg_stat_database_conflicts</c>) and how long the read lived (<c>long-read-s</c>).
/// </summary>
public sealed partial class PostgresCluster
{
    private const string ConflictsSql =
        "select (confl_snapshot + confl_lock + confl_bufferpin + confl_deadlock + confl_tablespace)::bigint from pg_stat_database_conflicts where datname = current_database()";

    private (string Node, Task<string> Read, Task Vacuum, CancellationTokenSource Stop, long Conflicts, Stopwatch Clock)? longRead;

    public async Task<string> StartLongReadAsync(CancellationToken ct)
    {
        if (longRead is not null) return "a long read is already open";
        var node = Standbys.FirstOrDefault(s => !Fenced.Contains(s)) ?? throw new InvalidOperationException("no standby for a long read");
        FaultPhaseLog.Current?.Affects(node);
        var before = await ConflictsAsync(node, ct).ConfigureAwait(false);
        var stop = new CancellationTokenSource();
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var read = LongReadAsync(node, opened, stop.Token);
        await Task.WhenAny(opened.Task, read).ConfigureAwait(false);
        if (read.IsCompleted) return $"the long read on {node} did not open: {await read.ConfigureAwait(false)}";
        longRead = (node, read, VacuumLoopAsync(stop.Token), stop, before, Stopwatch.StartNew());
        return $"long REPEATABLE READ transaction open on {node}; vacuum on {Primary} every second";
    }

    public async Task<string> StopLongReadAsync(CancellationToken ct)
    {
        if (longRead is not { } r) return "no long read open";
        longRead = null;
        var seconds = r.Clock.Elapsed.TotalSeconds;
        await r.Stop.CancelAsync().ConfigureAwait(false);
        var outcome = await r.Read.ConfigureAwait(false);
        await r.Vacuum.ConfigureAwait(false);
        r.Stop.Dispose();
        var conflicts = await ConflictsAsync(r.Node, ct).ConfigureAwait(false) - r.Conflicts;
        var cancelled = outcome.StartsWith("cancelled by recovery", StringComparison.Ordinal);
        FaultPhaseLog.Current?.Set("recovery-conflicts", conflicts);
        FaultPhaseLog.Current?.Set("long-read-cancelled", cancelled ? 1L : 0L);
        FaultPhaseLog.Current?.Set("long-read-s", Math.Round(seconds, 2));
        return string.Create(CultureInfo.InvariantCulture, $"long read on {r.Node} {outcome}; {conflicts} recovery conflicts on {r.Node}");
    }

    /// <summary>Holds a snapshot on <paramref name="node"/> until stopped or cancelled by the standby; says how it ended.</summary>
    private async Task<string> LongReadAsync(string node, TaskCompletionSource opened, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(node)) { CommandTimeout = 0, Timeout = 10 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(stop).ConfigureAwait(false);
            await using (var begin = new NpgsqlCommand("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM pg_class", connection))
                await begin.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
            opened.TrySetResult();
            await using var sleep = new NpgsqlCommand("SELECT pg_sleep(3600)", connection);
            await sleep.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
            return "ended by itself";
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Seconds($"held for {clock.Elapsed.TotalSeconds:0.0} s until the fault ended");
        }
        catch (PostgresException e) when (e.SqlState is "40001" or "57P04" or "40P01" || e.Message.Contains("recovery", StringComparison.Ordinal))
        {
            return Seconds($"cancelled by recovery conflict after {clock.Elapsed.TotalSeconds:0.0} s ({e.SqlState}: {e.MessageText})");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return Seconds($"failed after {clock.Elapsed.TotalSeconds:0.0} s: {e.Message}");
        }
    }

    private async Task VacuumLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await PostgresDialect.Query.TryRowsAsync(ConnectionString(Primary), "VACUUM", TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(1000, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<long> ConflictsAsync(string node, CancellationToken ct) =>
        await PostgresDialect.Query.TryRowsAsync(ConnectionString(node), ConflictsSql, TimeSpan.FromSeconds(5), ct).ConfigureAwait(false) is [[var n]]
            ? Convert.ToInt64(n, CultureInfo.InvariantCulture) : 0;

    private static string Seconds(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
