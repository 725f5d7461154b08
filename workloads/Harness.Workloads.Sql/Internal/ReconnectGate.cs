namespace Harness.Workloads.Sql.Internal;

/// <summary>One client's memory of failed connects, per node: how many in a row, and when the next attempt may be
/// made (<see cref="ReconnectBackoff"/>). A successful connect forgets the node's failures. Times are the caller's
/// (a <see cref="TimeProvider"/>'s timestamps as <see cref="TimeSpan"/>s), so the gate is pure.</summary>
internal sealed class ReconnectGate(ReconnectBackoff policy, Func<double> draw)
{
    private readonly Dictionary<string, (int Failures, TimeSpan NotBefore)> _nodes = new(StringComparer.Ordinal);

    public int Failures(string node) => _nodes.TryGetValue(node, out var s) ? s.Failures : 0;

    /// <summary>How long from <paramref name="now"/> until <paramref name="node"/> may be tried again (zero: now).</summary>
    public TimeSpan Remaining(string node, TimeSpan now) =>
        _nodes.TryGetValue(node, out var s) && s.NotBefore > now ? s.NotBefore - now : TimeSpan.Zero;

    /// <summary>Records a failed connect at <paramref name="now"/>; returns the delay chosen before the next one.</summary>
    public TimeSpan Failed(string node, TimeSpan now)
    {
        var failures = Failures(node) + 1;
        var delay = policy.Delay(failures, draw());
        _nodes[node] = (failures, now + delay);
        return delay;
    }

    public void Succeeded(string node) => _nodes.Remove(node);
}
