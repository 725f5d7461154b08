using Etcdserverpb;
using Harness.Core.Databases;

namespace Harness.Workloads.Etcd.Internal;

/// <summary>
/// One member's answer to the maintenance <c>Status</c> call (what <c>etcdctl endpoint status</c> prints): its own
/// member id, the leader it follows, its raft term and raft index — or why it did not answer. From one round of
/// these the cluster's leader, its health and each member's lag are derived by pure functions.
/// </summary>
internal sealed record MemberStatus(string Node, ulong MemberId, ulong Leader, ulong RaftTerm, ulong RaftIndex, string? Error = null)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    public bool Answered => Error is null;

    public bool IsLeader => Answered && Leader != 0 && Leader == MemberId;

    public static MemberStatus Unreachable(string node, string error) => new(node, 0, 0, 0, 0, error);

    /// <summary>Asks every member in parallel, each with a one-second deadline; never throws for a member that is down.</summary>
    public static async Task<IReadOnlyList<MemberStatus>> ReadAllAsync(
        IReadOnlyList<string> nodes, Func<string, string> endpoint, CancellationToken cancellationToken) =>
        await Task.WhenAll(nodes.Select(n => ReadAsync(n, endpoint(n), cancellationToken))).ConfigureAwait(false);

    private static async Task<MemberStatus> ReadAsync(string node, string endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = new EtcdConnection(endpoint);
            var status = await connection.Client.StatusAsync(new StatusRequest(), null, DateTime.UtcNow + Deadline, cancellationToken)
                .WaitAsync(Deadline + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return new MemberStatus(node, status.Header.MemberId, status.Leader, status.RaftTerm, status.RaftIndex);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(node, EtcdErrors.Describe(e));
        }
    }

    /// <summary>The member that says it leads; if several do (an isolated old leader that has not yet stepped
    /// down), the one with the highest term. Null when no answering member leads.</summary>
    public static string? LeaderOf(IReadOnlyList<MemberStatus> statuses) =>
        statuses.Where(s => s.IsLeader).OrderByDescending(s => s.RaftTerm).Select(s => s.Node).FirstOrDefault();

    /// <summary>Empty when every member answered and all follow one answering leader; else what is wrong.</summary>
    public static string DescribeUnhealthy(IReadOnlyList<MemberStatus> statuses)
    {
        var silent = statuses.Where(s => !s.Answered).Select(s => $"{s.Node}: {s.Error}").ToList();
        if (silent.Count > 0) return string.Join("; ", silent);
        var leaders = statuses.Select(s => s.Leader).Distinct().ToList();
        if (leaders is not [var leader] || leader == 0) return "members do not agree on a leader: " + string.Join(", ", statuses.Select(s => $"{s.Node}->{s.Leader:x}"));
        return statuses.Any(s => s.MemberId == leader) ? "" : $"leader {leader:x} is not a member that answered";
    }

    /// <summary>
    /// One lag sample per follower: how many raft entries its index trails the leader's (carried in
    /// <see cref="LagSample.LsnBehindBytes"/>, the sample's only "how far behind" count; the unit here is entries, not
    /// bytes). State is <c>follower</c>, <c>unreachable</c> or <c>no-leader</c> (no answering member leads).
    /// </summary>
    public static IReadOnlyList<LagSample> Lag(long timeNs, IReadOnlyList<MemberStatus> statuses)
    {
        var leaderName = LeaderOf(statuses);
        var leader = statuses.FirstOrDefault(s => s.Node == leaderName);
        return statuses.Where(s => s.Node != leaderName).Select(s => s switch
        {
            { Answered: false } => new LagSample(timeNs, s.Node, State: "unreachable"),
            _ when leader is null => new LagSample(timeNs, s.Node, State: "no-leader"),
            _ => new LagSample(timeNs, s.Node, LsnBehindBytes: leader.RaftIndex > s.RaftIndex ? (long)(leader.RaftIndex - s.RaftIndex) : 0, State: "follower"),
        }).ToList();
    }
}
