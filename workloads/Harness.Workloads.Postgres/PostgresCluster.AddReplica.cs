using System.Diagnostics;
using System.Globalization;
using Harness.Core.History;

namespace Harness.Workloads.Postgres;

/// <summary>
/// Adding a replica under load, as the article describes it: take a consistent snapshot of the leader
/// (pg_basebackup, which also streams the WAL written meanwhile), start the new follower from it, and let it
/// request and replay everything since. Here the last standby is thrown away and cloned afresh (its container's
/// "initialised" marker is removed, so the entry script wipes the data directory and runs pg_basebackup again
/// through the same slot name). Measured: the data size, the time until the new standby streams, and the time
/// until it has replayed the primary's WAL position of that moment.
/// </summary>
public sealed partial class PostgresCluster
{
    private static readonly TimeSpan CloneWait = TimeSpan.FromMinutes(10);
    private bool padded;

    public async Task<string> AddReplicaAsync(int padMb, CancellationToken ct)
    {
        var node = Standbys.LastOrDefault(s => !Fenced.Contains(s)) ?? throw new InvalidOperationException("no standby to replace");
        FaultPhaseLog.Current?.Affects(node);
        if (padMb > 0 && !padded)
        {
            FaultPhaseLog.Current?.Begin("padding", Primary);
            await PadAsync(padMb, ct).ConfigureAwait(false);
            padded = true;
        }
        var sizeSql = "select (sum(pg_database_size(datname)) / 1048576.0)::float8 from pg_database";
        var dataMb = Math.Round(Convert.ToDouble(await PostgresDialect.Query.ScalarAsync(ConnectionString(Primary), sizeSql, ControlDeadline, ct).ConfigureAwait(false),
            CultureInfo.InvariantCulture), 1);
        FaultPhaseLog.Current?.Begin("clone", node);
        await Containers.ExecAsync(node, ["rm", "-f", "/var/lib/postgresql/harness-initialised"], ControlDeadline, ct).ConfigureAwait(false);
        await Containers.StopAsync(node, 10, ct).ConfigureAwait(false);
        await WaitUntilAsync(Primary, $"select count(*) = 0 from pg_replication_slots where slot_name = '{node}' and active", TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await Containers.StartAsync(node, ct).ConfigureAwait(false);
        var copy = await WaitStreamingAsync(node, ct).ConfigureAwait(false);
        var cloneS = clock.Elapsed.TotalSeconds;
        FaultPhaseLog.Current?.Begin("catch-up", node);
        var target = await PostgresDialect.Query.ScalarAsync(ConnectionString(Primary), "select pg_current_wal_lsn()::text", ControlDeadline, ct).ConfigureAwait(false);
        var caughtUp = await WaitUntilAsync(Primary,
            $"select coalesce(bool_or(replay_lsn >= '{target}'::pg_lsn), false) from pg_stat_replication where application_name = '{node}'", CloneWait, ct).ConfigureAwait(false);
        var catchUpS = clock.Elapsed.TotalSeconds - cloneS;
        FaultPhaseLog.Current?.Set("data-mb", dataMb);
        FaultPhaseLog.Current?.Set("clone-s", Math.Round(cloneS, 2));
        FaultPhaseLog.Current?.Set("copy-s", Math.Round(copy.TotalSeconds, 2));
        if (caughtUp) FaultPhaseLog.Current?.Set("catch-up-s", Math.Round(catchUpS, 2));
        var tail = caughtUp ? Seconds($"replayed up to {target} {catchUpS:0.00} s later") : Seconds($"not caught up with {target} after {catchUpS:0} s");
        return Seconds($"cloned {node} afresh from {Primary} ({dataMb:0.0} MB): streaming after {cloneS:0.00} s (base backup {copy.TotalSeconds:0.0} s of it), {tail}");
    }

    /// <summary>
    /// Waits until <paramref name="node"/> streams from the primary, and meanwhile times the copy itself from the
    /// primary's <c>pg_stat_progress_basebackup</c> (first to last poll, every 100 ms, that saw its phase "streaming
    /// database files"): the clone time also holds the container's and the server's start and the backup's checkpoint,
    /// which dwarf the copy of a small database.
    /// Returns how long the backup was seen running; a copy no poll caught took under one poll interval, and counts as 0.1 s.
    /// </summary>
    private async Task<TimeSpan> WaitStreamingAsync(string node, CancellationToken ct)
    {
        var sql = "select (select count(*) from pg_stat_progress_basebackup where phase = 'streaming database files') > 0, " +
                  $"(select count(*) = 1 from pg_stat_replication where application_name = '{node}' and state = 'streaming')";
        var clock = Stopwatch.StartNew();
        TimeSpan? first = null, last = null;
        while (clock.Elapsed < CloneWait)
        {
            if (await PostgresDialect.Query.TryRowsAsync(ConnectionString(Primary), sql, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false) is [[bool copying, bool streaming]])
            {
                if (copying) { first ??= clock.Elapsed; last = clock.Elapsed; }
                if (streaming) return (last - first ?? TimeSpan.Zero) + TimeSpan.FromMilliseconds(100);
            }
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"{node} did not stream within {CloneWait.TotalMinutes:0} min of its clone");
    }

    /// <summary>About <paramref name="megabytes"/> MiB of uncompressed 1 KiB rows on the primary.</summary>
    private Task PadAsync(int megabytes, CancellationToken ct)
    {
        var rows = megabytes * 990;
        var sql = "CREATE TABLE IF NOT EXISTS harness_pad (id bigserial PRIMARY KEY, filler text NOT NULL); " +
                  $"INSERT INTO harness_pad (filler) SELECT repeat(md5(i::text), 32) FROM generate_series(1, {rows}) i";
        return PostgresDialect.Query.ScalarAsync(ConnectionString(Primary), sql, TimeSpan.FromMinutes(10), ct);
    }

    /// <summary>Polls a boolean query on <paramref name="node"/> until it answers true (true) or <paramref name="wait"/> passes (false).</summary>
    private async Task<bool> WaitUntilAsync(string node, string sql, TimeSpan wait, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < wait)
        {
            if (await PostgresDialect.Query.TryRowsAsync(ConnectionString(node), sql, TimeSpan.FromSeconds(2), ct).ConfigureAwait(false) is [[true]]) return true;
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
        return false;
    }
}
