using System.Diagnostics;
using System.Globalization;
using Harness.Core.History;
using Harness.Workloads.Postgres.Internal;

namespace Harness.Workloads.Postgres;

/// <summary>
/// Failover and rejoin, by hand, as an operator (or Patroni) does it. Failover: SIGKILL the primary, read each
/// standby's WAL position, set the target's <c>synchronous_standby_names</c> for the standbys that will remain
/// (it inherited the old primary's, which names itself and the dead node), <c>pg_promote</c>, create replication
/// slots for the others, re-point every standby that is not ahead of the new primary (a diverged one is rewound),
/// and wait for a write to commit. Rejoin: the killed primary gets a marker naming the new primary, starts, rewinds
/// with pg_rewind, and streams as a standby; then the configured synchronous set is restored for every standby.
/// When a nemesis runs the failover, its steps are marked in <see cref="FaultPhaseLog.Current"/>: kill (the old
/// primary), promotion (settling WAL positions and pg_promote on the chosen standby), writable (until a write commits).
/// </summary>
public sealed partial class PostgresCluster
{
    private static readonly TimeSpan ControlDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StreamingWait = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim failoverLock = new(1, 1);
    private readonly List<string> fenced = [];

    /// <summary>Old primaries killed by a failover and not rejoined yet.</summary>
    public IReadOnlyList<string> Fenced
    {
        get { lock (fenced) return fenced.ToList(); }
    }

    public async Task<string> FailoverAsync(string? target, CancellationToken cancellationToken)
    {
        await failoverLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await FailoverLockedAsync(target, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            failoverLock.Release();
        }
    }

    public async Task<string> RejoinAsync(CancellationToken cancellationToken)
    {
        await failoverLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var waiting = Fenced;
            if (waiting.Count == 0) return "nothing to rejoin";
            var clock = Stopwatch.StartNew();
            var newPrimary = Primary;
            await EndSplitBrainAsync(newPrimary, cancellationToken).ConfigureAwait(false);
            foreach (var node in waiting)
            {
                await RewindAsync(node, newPrimary, cancellationToken).ConfigureAwait(false);
                lock (fenced) fenced.Remove(node);
            }
            await SetSynchronousNamesAsync(newPrimary, Standbys, cancellationToken).ConfigureAwait(false);
            return Invariant($"{string.Join(", ", waiting)} rejoined as standby of {newPrimary} (pg_rewind) and streaming after {clock.Elapsed.TotalSeconds:0.00} s");
        }
        finally
        {
            failoverLock.Release();
        }
    }

    private async Task<string> FailoverLockedAsync(string? target, CancellationToken ct)
    {
        var old = Primary;
        var clock = Stopwatch.StartNew();
        var phases = FaultPhaseLog.Current; // the nemesis's log of this step, when a nemesis runs it
        await FenceAsync(old, phases, ct).ConfigureAwait(false);
        lock (fenced) fenced.Add(old);
        var candidates = Nodes.Where(n => n != old && !Fenced.Contains(n)).ToList();
        var lsns = await SettledWalPositionsAsync(candidates, ct).ConfigureAwait(false);
        var chosen = FailoverPlan.ChooseTarget(lsns, target == old || target == "primary" ? null : target);
        phases?.Begin("promotion", chosen);
        var others = candidates.Where(n => n != chosen).ToList();
        await SetSynchronousNamesAsync(chosen, others, ct).ConfigureAwait(false);
        var promoted = await PostgresDialect.Query.ScalarAsync(ConnectionString(chosen), "select pg_promote(wait => true, wait_seconds => 30)", TimeSpan.FromSeconds(35), ct)
            .ConfigureAwait(false);
        if (promoted is not true) throw new InvalidOperationException($"pg_promote on {chosen} did not complete within 30 s");
        var promotedAt = clock.Elapsed;
        phases?.Begin("writable", chosen);
        primary = chosen;
        foreach (var node in others.Concat(Fenced)) await CreateSlotAsync(chosen, node, ct).ConfigureAwait(false);
        // A transactional WAL message: a commit that writes WAL, so it waits for the synchronous standbys like any write.
        var probe = PostgresDialect.Query.ScalarAsync(ConnectionString(chosen), "select pg_logical_emit_message(true, 'harness', 'failover')::text", TimeSpan.FromSeconds(60), ct)
            .ContinueWith(t =>
            {
                phases?.End("writable");
                return t.IsCompletedSuccessfully ? clock.Elapsed : (TimeSpan?)null;
            }, TaskScheduler.Default);
        var rewound = await FollowAsync(chosen, others, lsns, ct).ConfigureAwait(false);
        var writableAt = await probe.ConfigureAwait(false) ?? throw new InvalidOperationException($"{chosen} did not commit a write within 60 s of its promotion");
        var positions = string.Join(", ", lsns.Select(kv => $"{kv.Key} at {Lsn(kv.Value)}"));
        return Invariant($"killed {old}; promoted {chosen} ({positions}) in {promotedAt.TotalSeconds:0.00} s; writable after {writableAt.TotalSeconds:0.00} s; ") +
               (others.Count == 0 ? "no other standby" : Invariant($"{string.Join(", ", others)} streaming from {chosen} after {clock.Elapsed.TotalSeconds:0.00} s")) +
               (rewound.Count == 0 ? "" : $" ({string.Join(", ", rewound)} had diverged and was rewound)");
    }

    /// <summary>Makes every other standby follow the new primary: re-point those not ahead of it, and rewind those
    /// ahead of it or still not on its timeline after a while (WAL that arrived late may have put them past the fork).
    /// Returns the rewound ones.</summary>
    private async Task<List<string>> FollowAsync(string newPrimary, IReadOnlyList<string> others, Dictionary<string, ulong?> lsns, CancellationToken ct)
    {
        var promotedLsn = lsns[newPrimary]!.Value;
        var rewound = others.Where(n => !FailoverPlan.CanFollow(lsns[n], promotedLsn)).ToList();
        var repointed = others.Except(rewound).ToList();
        foreach (var node in repointed) await RepointAsync(node, newPrimary, ct).ConfigureAwait(false);
        var stuck = await NotFollowingAsync(repointed, newPrimary, TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
        rewound.AddRange(stuck);
        foreach (var node in rewound) await RewindAsync(node, newPrimary, ct).ConfigureAwait(false);
        return rewound;
    }

    /// <summary>WAL positions once they stop moving: WAL already sent by the dead primary may still be in flight (a
    /// delayed link holds it for hundreds of milliseconds) and the most advanced standby is only known once it landed.</summary>
    private async Task<Dictionary<string, ulong?>> SettledWalPositionsAsync(IReadOnlyList<string> nodes, CancellationToken ct)
    {
        var last = await WalPositionsAsync(nodes, ct).ConfigureAwait(false);
        for (var round = 0; round < 25; round++)
        {
            await Task.Delay(200, ct).ConfigureAwait(false);
            var now = await WalPositionsAsync(nodes, ct).ConfigureAwait(false);
            if (now.All(kv => last.TryGetValue(kv.Key, out var before) && before == kv.Value)) return now;
            last = now;
        }
        return last;
    }

    private async Task<Dictionary<string, ulong?>> WalPositionsAsync(IReadOnlyList<string> nodes, CancellationToken ct)
    {
        const string sql = "select greatest(coalesce(pg_last_wal_receive_lsn(), '0/0'), coalesce(pg_last_wal_replay_lsn(), '0/0'))::text";
        var answers = await Task.WhenAll(nodes.Select(n =>
            PostgresDialect.Query.TryRowsAsync(ConnectionString(n), sql, TimeSpan.FromSeconds(2), ct))).ConfigureAwait(false);
        return nodes.Select((n, i) => (n, answers[i] is [[string text]] ? FailoverPlan.ParseLsn(text) : null))
            .ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal);
    }

    private Task SetSynchronousNamesAsync(string node, IReadOnlyList<string> standbys, CancellationToken ct)
    {
        var names = PostgresClusterOptions.SynchronousStandbyNames(Options.Replication, standbys);
        return ConfigureAsync(node, [("synchronous_standby_names", names)], ct);
    }

    /// <summary>ALTER SYSTEM (one statement per call: it cannot run in a transaction block) and a reload.</summary>
    private async Task ConfigureAsync(string node, IReadOnlyList<(string Name, string Value)> settings, CancellationToken ct)
    {
        foreach (var (name, value) in settings)
            await PostgresDialect.Query.ScalarAsync(ConnectionString(node), $"ALTER SYSTEM SET {name} = '{value.Replace("'", "''", StringComparison.Ordinal)}'", ControlDeadline, ct)
                .ConfigureAwait(false);
        await PostgresDialect.Query.ScalarAsync(ConnectionString(node), "select pg_reload_conf()", ControlDeadline, ct).ConfigureAwait(false);
    }

    /// <summary>A physical slot named after <paramref name="node"/> on <paramref name="on"/>, replacing an inactive leftover.</summary>
    private async Task CreateSlotAsync(string on, string node, CancellationToken ct)
    {
        var drop = $"select count(pg_drop_replication_slot(slot_name)) from pg_replication_slots where slot_name = '{node}' and not active";
        await PostgresDialect.Query.ScalarAsync(ConnectionString(on), drop, ControlDeadline, ct).ConfigureAwait(false);
        var exists = $"select count(*) from pg_replication_slots where slot_name = '{node}'";
        if (await PostgresDialect.Query.ScalarAsync(ConnectionString(on), exists, ControlDeadline, ct).ConfigureAwait(false) is 0L)
            await PostgresDialect.Query.ScalarAsync(ConnectionString(on), $"select pg_create_physical_replication_slot('{node}', true)::text", ControlDeadline, ct).ConfigureAwait(false);
    }

    private Task RepointAsync(string node, string newPrimary, CancellationToken ct) => ConfigureAsync(node,
        [("primary_conninfo", $"host={Containers.Ip(newPrimary)} port={PostgresPort} user=postgres application_name={node}"), ("primary_slot_name", node)], ct);

    /// <summary>Stops the node, leaves it a marker naming the new primary, starts it (the entry script runs pg_rewind)
    /// and waits until it streams. The new primary checkpoints first: until it does, its control file still shows
    /// the old timeline, and pg_rewind would answer "no rewind required" for a node that has in fact diverged.</summary>
    private async Task RewindAsync(string node, string newPrimary, CancellationToken ct)
    {
        await PostgresDialect.Query.ScalarAsync(ConnectionString(newPrimary), "CHECKPOINT", TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        await CreateSlotAsync(newPrimary, node, ct).ConfigureAwait(false);
        await Containers.StopAsync(node, 10, ct).ConfigureAwait(false);
        await Containers.CopyTextIntoAsync(node, "/var/lib/postgresql/harness-rejoin", Containers.Ip(newPrimary) + "\n", ct).ConfigureAwait(false);
        await Containers.StartAsync(node, ct).ConfigureAwait(false);
        if ((await NotFollowingAsync([node], newPrimary, StreamingWait, ct).ConfigureAwait(false)).Count > 0)
            throw new InvalidOperationException($"{node} did not stream from {newPrimary} within {StreamingWait.TotalSeconds:0} s after the rewind");
    }

    /// <summary>The nodes that are still not streaming from <paramref name="newPrimary"/> on its current timeline after
    /// <paramref name="wait"/> (a walreceiver stuck on the old timeline reports "streaming" between its retries).</summary>
    private async Task<List<string>> NotFollowingAsync(IReadOnlyList<string> nodes, string newPrimary, TimeSpan wait, CancellationToken ct)
    {
        var timeline = await PostgresDialect.Query.ScalarAsync(ConnectionString(newPrimary), "select ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int",
            ControlDeadline, ct).ConfigureAwait(false);
        var sql = $"select pg_is_in_recovery() and coalesce((select status = 'streaming' and received_tli = {timeline} from pg_stat_wal_receiver), false)";
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answers = await Task.WhenAll(nodes.Select(n => PostgresDialect.Query.TryRowsAsync(ConnectionString(n), sql, TimeSpan.FromSeconds(1), ct))).ConfigureAwait(false);
            var missing = nodes.Where((_, i) => answers[i] is not [[true]]).ToList();
            if (missing.Count == 0 || clock.Elapsed > wait) return missing;
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    private static string Lsn(ulong? lsn) => lsn is { } v ? Invariant($"{v >> 32:X}/{v & 0xFFFFFFFF:X}") : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
