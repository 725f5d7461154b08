using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Harness.Workloads.Sql.Internal;

/// <summary>
/// At most <see cref="PerNode"/> connects in flight to each node, over every client of one <see cref="SqlCluster"/>.
/// A per-client back-off alone did not stop a connect storm at load ~55: PostgreSQL forks a backend for every
/// connection it accepts, including those whose client already gave up, so while 30 clients kept 7-14 attempts a
/// second queued the postmaster's listen backlog stayed full of abandoned attempts and no new one got through in
/// time (0 ok operations in 180 s). With the attempts in flight bounded, the backlog holds at most a few, and each
/// attempt waits only for those. A connect takes milliseconds on a healthy node, so the bound costs nothing there.
/// </summary>
internal sealed class NodeConnectLimiter(int perNode)
{
    public const int DefaultPerNode = 2;

    private static readonly ConditionalWeakTable<SqlCluster, NodeConnectLimiter> Shared = new();

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    public int PerNode => perNode;

    /// <summary>The limiter shared by every client of <paramref name="cluster"/> (one instance: one run's clients).</summary>
    public static NodeConnectLimiter For(SqlCluster cluster) => Shared.GetValue(cluster, _ => new NodeConnectLimiter(DefaultPerNode));

    /// <summary>Takes a slot for <paramref name="node"/>, waiting up to <paramref name="wait"/>; false if none came free.</summary>
    public Task<bool> EnterAsync(string node, TimeSpan wait, CancellationToken ct) => Slot(node).WaitAsync(wait, ct);

    public void Leave(string node) => Slot(node).Release();

    private SemaphoreSlim Slot(string node) => _slots.GetOrAdd(node, _ => new SemaphoreSlim(perNode, perNode));
}
