using System.Diagnostics;
using System.Globalization;

namespace Harness.Workloads.Redis;

/// <summary>
/// Failover through Sentinel, not by hand: <see cref="FailoverAsync"/> kills the master the sentinels name (unless
/// they already judge it objectively down or are failing it over, as after a partition cut it off: then it is left
/// alone; and if they have already replaced it on their own since the last failover or rejoin, nothing is done but
/// to count it replaced) and waits until a majority of sentinels name a new master and that node reports the master role. Sentinel
/// picks the replica (the one with the most replication offset, among equal priorities), so a requested target is
/// only reported. <see cref="RejoinAsync"/> starts a killed old master and waits until Sentinel has reconfigured every
/// replaced master as a replica of the current one with its link up: what it acknowledged alone is then gone.
/// </summary>
public sealed partial class RedisCluster
{
    /// <summary>Long enough for one split vote (the retry waits twice the failover-timeout of 10 s), short enough that
    /// a failover after an isolation of several seconds ends within the nemesis's 60 s step.</summary>
    private static readonly TimeSpan PromotionWait = TimeSpan.FromSeconds(40);
    private readonly SemaphoreSlim failoverLock = new(1, 1);
    private readonly Stopwatch clusterClock = Stopwatch.StartNew();
    private TimeSpan failoverEpoch;
    private (string From, string To, TimeSpan At)? lastSwitch;
    private readonly List<string> killed = [];
    private readonly List<string> replaced = [];

    /// <summary>Old masters replaced by <see cref="FailoverAsync"/> and not yet back as replicas.</summary>
    public IReadOnlyList<string> Replaced
    {
        get { lock (replaced) return replaced.ToList(); }
    }

    public async Task<string> FailoverAsync(string? target, CancellationToken cancellationToken)
    {
        await failoverLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var clock = Stopwatch.StartNew();
            var before = primary;
            await PrimaryAsync(cancellationToken).ConfigureAwait(false);
            if (AlreadySwitched() is { } done) return done;
            var statuses = await StatusesAsync(true, cancellationToken).ConfigureAwait(false);
            var old = NodeOf(SentinelView.MajorityMaster(statuses.Values, Options.Quorum)) ?? before;
            var judgedDown = statuses.Where(kv => kv.Key != old).Any(kv => kv.Value?.SentinelFlags is { } f
                && (f.Contains("o_down", StringComparison.Ordinal) || f.Contains("failover", StringComparison.Ordinal)));
            if (!judgedDown)
            {
                await Containers.KillAsync(old, cancellationToken).ConfigureAwait(false);
                lock (killed) killed.Add(old);
            }
            lock (replaced) if (!replaced.Contains(old)) replaced.Add(old);
            var chosen = await WaitForNewMasterAsync(old, cancellationToken).ConfigureAwait(false);
            primary = chosen;
            failoverEpoch = clusterClock.Elapsed;
            var how = judgedDown ? $"{old} already judged down by the sentinels (left running)" : $"killed {old}";
            var note = target is not null && target != chosen && target != "primary" ? $" (asked for {target}; Sentinel chooses)" : "";
            return Invariant($"{how}; Sentinel promoted {chosen}{note}, writable after {clock.Elapsed.TotalSeconds:0.00} s");
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
            var waiting = Replaced;
            if (waiting.Count == 0) return "nothing to rejoin";
            var clock = Stopwatch.StartNew();
            List<string> toStart;
            lock (killed) toStart = killed.Where(waiting.Contains).ToList();
            foreach (var node in toStart) await StartAsync(node, cancellationToken).ConfigureAwait(false);
            var current = await PrimaryAsync(cancellationToken).ConfigureAwait(false) ?? primary;
            foreach (var node in waiting.Where(n => n != current)) await WaitReplicaOfAsync(node, current, cancellationToken).ConfigureAwait(false);
            lock (replaced) replaced.Clear();
            failoverEpoch = clusterClock.Elapsed;
            var started = toStart.Count == 0 ? "" : $"started {string.Join(", ", toStart)}; ";
            return Invariant($"{started}{string.Join(", ", waiting)} reconfigured by Sentinel as replica of {current}, link up after {clock.Elapsed.TotalSeconds:0.00} s");
        }
        finally
        {
            failoverLock.Release();
        }
    }

    /// <summary>Called by <see cref="PrimaryAsync"/> whenever the sentinels' majority names another master.</summary>
    private void RecordSwitch(string from, string to)
    {
        lock (replaced) lastSwitch = (from, to, clusterClock.Elapsed);
    }

    /// <summary>If Sentinel replaced the master on its own since the last failover or rejoin (a partition cut it off),
    /// there is nothing to kill: the old master counts as replaced and waits for <see cref="RejoinAsync"/>.</summary>
    private string? AlreadySwitched()
    {
        lock (replaced)
        {
            if (lastSwitch is not { } s || s.At <= failoverEpoch || s.To != primary) return null;
            if (!replaced.Contains(s.From)) replaced.Add(s.From);
            failoverEpoch = clusterClock.Elapsed;
            return Invariant($"Sentinel had already replaced {s.From} by {s.To} on its own {(clusterClock.Elapsed - s.At).TotalSeconds:0.0} s ago; nothing killed");
        }
    }

    private async Task<string> WaitForNewMasterAsync(string old, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < PromotionWait)
        {
            var statuses = await StatusesAsync(true, ct).ConfigureAwait(false);
            var named = NodeOf(SentinelView.MajorityMaster(statuses.Values, Options.Quorum));
            if (named is not null && named != old && (await StatusAsync(named, false, ct).ConfigureAwait(false))?.Role == "master") return named;
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"Sentinel promoted no replica within {PromotionWait.TotalSeconds:0} s of losing {old}");
    }

    private async Task WaitReplicaOfAsync(string node, string master, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        RedisNodeStatus? status = null;
        while (clock.Elapsed < PromotionWait)
        {
            status = await StatusAsync(node, false, ct).ConfigureAwait(false);
            if (status is { Role: "slave", MasterLinkStatus: "up" } && status.MasterHost == Containers.Ip(master)) return;
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
        throw new InvalidOperationException(
            $"{node} is not a replica of {master} {PromotionWait.TotalSeconds:0} s after the rejoin (role {status?.Role ?? "unknown"}, link {status?.MasterLinkStatus ?? "unknown"})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
