using System.Diagnostics;
using System.Globalization;
using Harness.Core.History;
using Harness.Workloads.MariaDb.Internal;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// Failover and rejoin by hand, as an operator (or MaxScale / Orchestrator) does it. Failover: SIGKILL the primary,
/// wait until the replicas' received GTID positions stop moving, pick the one that received the most, let it apply
/// everything it received (<c>MASTER_GTID_WAIT</c>), then <c>STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = 0</c>
/// (and make it the semi-sync master), re-point the other replicas with <c>CHANGE MASTER TO ... MASTER_USE_GTID =
/// slave_pos</c>, and wait for a write to commit. Rejoin: the old primary starts read-only and replicates from the
/// new primary from the position the new primary was promoted at. Whatever it had committed beyond that position
/// (acknowledged under async, or after a semi-sync fall back) stays on it, and nobody else ever receives it: the
/// node has diverged, which <see cref="Rejoins"/> records; such a node replicates with
/// <c>slave_exec_mode = IDEMPOTENT</c>, so a row it already has does not stop its SQL thread.
/// Steps are marked in <see cref="FaultPhaseLog.Current"/>: kill, promotion, writable.
/// </summary>
public sealed partial class ReplicaSetCluster
{
    private static readonly TimeSpan ReplicatingWait = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim failoverLock = new(1, 1);
    private readonly Dictionary<string, GtidPosition> fenced = [];
    private readonly List<ReplicaSetRejoin> rejoins = [];

    /// <summary>Old primaries killed by a failover and not rejoined yet.</summary>
    public IReadOnlyList<string> Fenced
    {
        get { lock (fenced) return fenced.Keys.ToList(); }
    }

    /// <summary>Every rejoin of an old primary so far, with how many transactions it held that the new primary never had.</summary>
    public IReadOnlyList<ReplicaSetRejoin> Rejoins
    {
        get { lock (rejoins) return rejoins.ToList(); }
    }

    public async Task<string> FailoverAsync(string? target, CancellationToken cancellationToken)
    {
        await failoverLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return await FailoverLockedAsync(target, cancellationToken).ConfigureAwait(false); }
        finally { failoverLock.Release(); }
    }

    public async Task<string> RejoinAsync(CancellationToken cancellationToken)
    {
        await failoverLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var waiting = Fenced;
            if (waiting.Count == 0) return "nothing to rejoin";
            var done = new List<string>();
            foreach (var node in waiting) done.Add(await RejoinOneAsync(node, cancellationToken).ConfigureAwait(false));
            return string.Join("; ", done);
        }
        finally { failoverLock.Release(); }
    }

    private async Task<string> FailoverLockedAsync(string? target, CancellationToken ct)
    {
        var old = Primary;
        var clock = Stopwatch.StartNew();
        var phases = FaultPhaseLog.Current;
        phases?.Begin("kill", old);
        await Containers.KillAsync(old, ct).ConfigureAwait(false);
        var candidates = Replicas.Where(n => !Fenced.Contains(n)).ToList();
        lock (fenced) fenced[old] = GtidPosition.Empty;
        var received = await SettledReceivedAsync(candidates, ct).ConfigureAwait(false);
        var chosen = GtidPosition.ChooseTarget(received, target == old || target == "primary" ? null : target);
        phases?.Begin("promotion", chosen);
        var wait = await MariaDbDialect.Query.ScalarAsync(ConnectionString(chosen), $"SELECT MASTER_GTID_WAIT('{received[chosen]}', 30)", TimeSpan.FromSeconds(35), ct)
            .ConfigureAwait(false);
        await ExecAsync(chosen, ct, "STOP SLAVE", "RESET SLAVE ALL", "SET GLOBAL read_only = 0",
            $"SET GLOBAL rpl_semi_sync_master_enabled = {(Replication.SemiSync ? 1 : 0)}").ConfigureAwait(false);
        // The fork: the last of the old primary's transactions the new primary has (it applied all it received).
        var fork = received[chosen]!;
        lock (fenced) fenced[old] = fork;
        primary = chosen;
        var promotedTime = clock.Elapsed;
        phases?.Begin("writable", chosen);
        var others = candidates.Where(n => n != chosen).ToList();
        foreach (var node in others)
            await ExecAsync(node, ct, "STOP SLAVE", ChangeMasterSql(chosen), "START SLAVE").ConfigureAwait(false);
        await MariaDbDialect.Query.ScalarAsync(ConnectionString(chosen), $"INSERT INTO {Schema}.failover_probe (at) VALUES (NOW(6))", TimeSpan.FromSeconds(60), ct)
            .ConfigureAwait(false);
        phases?.End("writable");
        var positions = string.Join(", ", received.Select(kv => $"{kv.Key} received {kv.Value?.ToString() ?? "unknown"}"));
        return Invariant($"killed {old}; promoted {chosen} ({positions}; applied all it received: {(Convert.ToInt64(wait, CultureInfo.InvariantCulture) == 0 ? "yes" : "no, timed out")}) ") +
               Invariant($"at {fork} in {promotedTime.TotalSeconds:0.00} s; writable after {clock.Elapsed.TotalSeconds:0.00} s; ") +
               (others.Count == 0 ? "no other replica" : $"{string.Join(", ", others)} re-pointed to {chosen}");
    }

    private async Task<string> RejoinOneAsync(string node, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        GtidPosition fork;
        lock (fenced) fork = fenced[node];
        await Containers.CopyTextIntoAsync(node, RoleFile, "replica\n", ct).ConfigureAwait(false);
        await Containers.StartAsync(node, ct).ConfigureAwait(false);
        await RootSql.WaitAsync(Containers, node, "SELECT 1", output => output.Trim() == "1", ReplicatingWait, ct).ConfigureAwait(false);
        var own = await ReplicaSetStatus.ReadAsync(ConnectionString(node), ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{node} does not answer after its restart");
        var ahead = own.Binlog.TransactionsAhead(fork);
        var from = ahead > 0 ? fork : own.Binlog;
        List<string> statements = ["STOP SLAVE", "SET GLOBAL read_only = 1", "SET GLOBAL rpl_semi_sync_master_enabled = 0", $"SET GLOBAL gtid_slave_pos = '{from}'"];
        if (ahead > 0) statements.Add("SET GLOBAL slave_exec_mode = 'IDEMPOTENT'");
        await ExecAsync(node, ct, [.. statements, ChangeMasterSql(Primary), "START SLAVE"]).ConfigureAwait(false);
        var rejoin = new ReplicaSetRejoin(node, Primary, fork.ToString(), own.Binlog.ToString(), ahead);
        lock (rejoins) rejoins.Add(rejoin);
        lock (fenced) fenced.Remove(node);
        await WaitReplicatingAsync(node, ct).ConfigureAwait(false);
        Progress?.Report(rejoin.Describe());
        return Invariant($"{rejoin.Describe()}; replicating after {clock.Elapsed.TotalSeconds:0.00} s");
    }

    /// <summary>Received positions once they stop moving (events the dead primary sent may still be in flight).</summary>
    private async Task<Dictionary<string, GtidPosition?>> SettledReceivedAsync(IReadOnlyList<string> nodes, CancellationToken ct)
    {
        Dictionary<string, GtidPosition?> last = [];
        for (var round = 0; round < 25; round++)
        {
            var statuses = await ReplicaSetStatus.ReadAllAsync(nodes, ConnectionString, ct).ConfigureAwait(false);
            var now = nodes.Select((n, i) => (n, statuses[i]?.Received)).ToDictionary(x => x.n, x => x.Received, StringComparer.Ordinal);
            if (round > 0 && now.All(kv => last.TryGetValue(kv.Key, out var before) && before?.ToString() == kv.Value?.ToString())) return now;
            last = now;
            await Task.Delay(300, ct).ConfigureAwait(false);
        }
        return last;
    }

    private async Task WaitReplicatingAsync(string node, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReplicatingWait)
        {
            if (await ReplicaSetStatus.ReadAsync(ConnectionString(node), ct).ConfigureAwait(false) is { Replicating: true }) return;
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
        var status = await ReplicaSetStatus.ReadAsync(ConnectionString(node), ct).ConfigureAwait(false);
        throw new InvalidOperationException($"{node} is not replicating from {Primary} after {ReplicatingWait.TotalSeconds:0} s: {status?.Threads ?? "no answer"}");
    }

    /// <summary>Control statements as root inside the node (the client user lacks READ_ONLY ADMIN, so that read_only
    /// binds it on replicas), in one call.</summary>
    private Task ExecAsync(string node, CancellationToken ct, params string[] statements) =>
        RootSql.RunAsync(Containers, node, string.Join("; ", statements) + ";", ct);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
