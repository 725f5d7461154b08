using Harness.Core.Faults;
using Harness.Core.History;

namespace Harness.Checkers.Leaderless.Internal;

/// <summary>A partition in force from <see cref="Start"/> to <see cref="End"/> (ns) with the grudge it applied; its
/// rules went in from <see cref="From"/> (the start's invocation) on, node by node.</summary>
internal sealed record PartitionSpan(long Start, long End, Grudge Grudge)
{
    public long From { get; init; } = Start;
}

/// <summary>
/// The partitions of a history, rebuilt from the nemesis operations: the invocation of <c>start-partition</c>
/// carries its shape and node order (<c>["isolate", n]</c>, <c>["halves", n…]</c>, <c>["majorities-ring", n…]</c>), computed
/// into a <see cref="Grudge"/> by <see cref="PartitionShape"/> exactly as the partition nemesis does; the span runs from the applied start to the stop.
/// </summary>
internal static class PartitionTimeline
{
    public static List<PartitionSpan> Of(History history, IReadOnlyList<string> nodes)
    {
        var spans = new List<PartitionSpan>();
        Grudge? pending = null, current = null;
        long start = 0, from = 0;
        foreach (var op in history.Ops.Where(o => o.IsNemesis))
        {
            if (op.F == "start-partition" && op.Type == OpType.Invoke) { pending = GrudgeFor(op.Value, nodes); from = op.Time; }
            else if (op.F == "start-partition" && op.Type == OpType.Info && pending is not null) { current = pending; start = op.Time; }
            else if (op.F is "stop-partition" or "heal-all" && op.Type == OpType.Info && current is not null)
            {
                spans.Add(new PartitionSpan(start, op.Time, current) { From = from });
                current = null;
            }
        }
        if (current is not null) spans.Add(new PartitionSpan(start, long.MaxValue, current) { From = from });
        return spans;
    }

    private static Grudge GrudgeFor(object? value, IReadOnlyList<string> nodes)
    {
        var spec = value as IReadOnlyList<object?> ?? ["halves"];
        var kind = spec.Count > 0 ? spec[0] as string : "halves";
        var order = spec.Skip(1).OfType<string>().ToList();
        if (order.Count == 0) order = [.. nodes];
        try
        {
            return PartitionShape.For(kind ?? PartitionShape.Halves, nodes.Count > 0 ? nodes : order, order);
        }
        catch (ArgumentException)
        {
            return Grudge.Halves(order);
        }
    }
}
