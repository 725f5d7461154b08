using System.Globalization;
using Harness.Core.History;

namespace Harness.Lab.Scenarios;

/// <summary>
/// Figures a scenario takes from the history itself rather than from the checkers' results: how long writes
/// stalled (the longest gap between two consecutive acknowledged writes: a synchronous commit waiting for a dead
/// standby shows up as a gap as long as the outage), how many writes were acknowledged while a fault was in force,
/// and numbers a database's own fault recorded in its nemesis ops (a standby's recovery conflicts, a new replica's
/// clone time), summed over the run. Pure over the ops, so it is unit-tested on hand-written histories.
/// </summary>
public static class HistoryMeasures
{
    /// <summary>Numeric fields a nemesis may put in its op values (structured values), summed or maxed by name.</summary>
    private static readonly Dictionary<string, (string Field, bool Sum)> NemesisFields = new(StringComparer.Ordinal)
    {
        ["recovery-conflict-count"] = ("recovery-conflicts", true),
        ["long-read-cancelled-count"] = ("long-read-cancelled", true),
        ["replica-data-mb"] = ("data-mb", false),
        ["replica-clone-s"] = ("clone-s", false),
        ["replica-copy-s"] = ("copy-s", false),
        ["replica-catch-up-s"] = ("catch-up-s", false),
        ["diverged-row-count"] = ("diverged-rows", true),
    };

    public static IReadOnlyList<string> Names { get; } =
        ["max-write-gap-ms", "ok-writes-in-fault", "info-writes", .. NemesisFields.Keys];

    /// <summary>Every figure of <see cref="Names"/> for a history (null where the history cannot give it).</summary>
    public static IReadOnlyDictionary<string, double?> Of(IReadOnlyList<Op> ops)
    {
        var figures = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["max-write-gap-ms"] = MaxWriteGapMs(ops),
            ["ok-writes-in-fault"] = OkWritesInFault(ops),
            ["info-writes"] = ops.Count(o => !o.IsNemesis && o.Type == OpType.Info && IsWrite(o.F)),
        };
        foreach (var (name, (field, sum)) in NemesisFields) figures[name] = NemesisFigure(ops, field, sum);
        return figures;
    }

    /// <summary>A write is any client function that is not a read (add, write, cas, append, txn with writes count too).</summary>
    public static bool IsWrite(string f) => f is not ("read" or "final-read");

    /// <summary>The longest time between consecutive Ok write completions (and from the first write's invocation to the
    /// first Ok), in ms; null without any Ok write.</summary>
    public static double? MaxWriteGapMs(IReadOnlyList<Op> ops)
    {
        var oks = ops.Where(o => !o.IsNemesis && o.IsOk && IsWrite(o.F)).Select(o => o.Time).Order().ToList();
        if (oks.Count == 0) return null;
        var first = ops.Where(o => !o.IsNemesis && o.IsInvoke && IsWrite(o.F)).Select(o => o.Time).DefaultIfEmpty(oks[0]).Min();
        var gap = oks[0] - first;
        for (var i = 1; i < oks.Count; i++) gap = Math.Max(gap, oks[i] - oks[i - 1]);
        return Math.Round(gap / 1e6, 1);
    }

    /// <summary>Writes invoked after a fault was fully in force and acknowledged before its stop was invoked: zero when
    /// the fault stalls every write (sync replication waiting for a dead standby).</summary>
    public static double? OkWritesInFault(IReadOnlyList<Op> ops)
    {
        var windows = FaultWindow.From(ops);
        if (windows.Count == 0) return null;
        var history = History.Of(ops);
        var count = 0;
        for (var i = 0; i < history.Count; i++)
        {
            var op = history[i];
            if (op.IsNemesis || !op.IsInvoke || !IsWrite(op.F)) continue;
            if (history.CompletionOf(i) is not { IsOk: true } done) continue;
            if (windows.Any(w => op.Time >= w.InEffectNs && done.Time <= w.StopInvokedNs)) count++;
        }
        return count;
    }

    private static double? NemesisFigure(IReadOnlyList<Op> ops, string field, bool sum)
    {
        var values = ops.Where(o => o.IsNemesis && !o.IsInvoke && o.Value is IReadOnlyDictionary<string, object?>)
            .Select(o => ((IReadOnlyDictionary<string, object?>)o.Value!).GetValueOrDefault(field))
            .Where(v => v is not null and not string)
            .Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture))
            .ToList();
        if (values.Count == 0) return null;
        return sum ? values.Sum() : values.Max();
    }
}
