using System.Runtime.CompilerServices;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Which nodes of one cluster the node faults currently hold (killed, paused, stopped), so that with overlapping
/// faults (<c>--nemesis-mode overlap</c>) a second fault is aimed at a node that is still up instead of one another
/// fault already took down (Jepsen's combined nemesis aims its node specs at the nodes it has). Shared by every
/// nemesis on the same cluster object; a node is released when the fault that took it brings it back.
/// </summary>
public sealed class NodesHeld
{
    private static readonly ConditionalWeakTable<object, NodesHeld> PerCluster = new();
    private readonly Dictionary<string, string> _heldBy = new(StringComparer.Ordinal);

    /// <summary>The shared record for <paramref name="cluster"/>.</summary>
    public static NodesHeld Of(object cluster) => PerCluster.GetValue(cluster, _ => new NodesHeld());

    public void Hold(IEnumerable<string> nodes, string fault)
    {
        lock (_heldBy) foreach (var n in nodes) _heldBy[n] = fault;
    }

    public void Release(IEnumerable<string> nodes, string fault)
    {
        lock (_heldBy)
            foreach (var n in nodes)
                if (_heldBy.TryGetValue(n, out var by) && by == fault) _heldBy.Remove(n);
    }

    /// <summary>The fault holding <paramref name="node"/>, or null.</summary>
    public string? HeldBy(string node)
    {
        lock (_heldBy) return _heldBy.GetValueOrDefault(node);
    }

    /// <summary>
    /// <paramref name="targets"/> with every node held by another fault than <paramref name="fault"/> replaced by the
    /// next free node in <paramref name="nodes"/> order (after the replaced one), or dropped when none is free.
    /// <paramref name="notes"/> says what was changed ("pg2 is held by kill: aimed at pg3").
    /// </summary>
    public IReadOnlyList<string> Retarget(IReadOnlyList<string> targets, IReadOnlyList<string> nodes, string fault, out IReadOnlyList<string> notes)
    {
        var result = new List<string>(targets.Count);
        var said = new List<string>();
        lock (_heldBy)
        {
            bool Free(string n) => (!_heldBy.TryGetValue(n, out var by) || by == fault) && !result.Contains(n) && !targets.Contains(n);
            foreach (var t in targets)
            {
                if (!_heldBy.TryGetValue(t, out var by) || by == fault)
                {
                    result.Add(t);
                    continue;
                }
                var at = Math.Max(0, nodes.ToList().IndexOf(t));
                var other = Enumerable.Range(1, nodes.Count).Select(i => nodes[(at + i) % nodes.Count]).FirstOrDefault(Free);
                if (other is null) said.Add($"{t} is held by {by} and no other node is free: left out");
                else
                {
                    said.Add($"{t} is held by {by}: aimed at {other}");
                    result.Add(other);
                }
            }
        }
        notes = said;
        return result;
    }
}
