using Harness.Checkers.StaleReads.Internal;
using Harness.Checkers.Stats.Internal;
using Harness.Core.Checking;

namespace Harness.Checkers.StaleReads;

/// <summary>
/// Finds stale reads in register histories whose writes store unique values (keyed or not): a read that returned
/// a value although an Ok write certainly overwrote it before the read began, and reads of values that were never
/// (or only unsuccessfully, or only later) written. Each finding is a certificate a person can check from three
/// operations, and staleness is measured from the overwrite's acknowledgement to the read's invocation.
/// The finder is sound but incomplete — it never flags a linearizable history, and it may miss violations that
/// only a full linearizability search reveals, which stays the authority. Runs in O(n log n) per key.
/// Option <c>initial-value</c> (an integer) names the register's value before any write; nil is always initial.
/// </summary>
public sealed class StaleReadChecker : IChecker
{
    private const int ExamplesPerKind = 10;

    public string Name => "stale-reads";

    public CheckResult Check(Core.History.History history, CheckContext context)
    {
        var registers = RegisterHistory.Of(history);
        var isInitial = InitialValue(context);
        var findings = new List<ReadFinding>();
        long reads = 0, unjudged = 0;
        foreach (var key in registers.Keys)
        {
            if (context.Cancellation.IsCancellationRequested)
                return new CheckResult(Name, Validity.Unknown, "cancelled before every key was checked");
            var finder = new StaleReadFinder(key, isInitial);
            findings.AddRange(finder.Find());
            reads += key.Reads.Count;
            unjudged += finder.Unjudged;
        }
        return Result(findings, reads, unjudged, registers.Skipped);
    }

    private static Func<object?, bool> InitialValue(CheckContext context)
    {
        var text = context.Option("initial-value");
        if (text is null || !long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var initial))
            return v => v is null;
        return v => v is null || Core.History.ValueText.Equals(v, initial);
    }

    private CheckResult Result(List<ReadFinding> findings, long reads, long unjudged, int skipped)
    {
        var stale = findings.Where(f => f.Kind == ReadFinding.Stale).ToList();
        var garbage = findings.Count - stale.Count;
        var staleness = stale.Select(f => f.StalenessNs).ToList();
        var p = Percentiles.Of(staleness, 50, 100);
        var summary = $"{reads} Ok reads: {stale.Count} stale" +
                      (stale.Count > 0 ? $" (up to {TimeText.Millis(p[1])}, median {TimeText.Millis(p[0])})" : "") +
                      $", {garbage} garbage, {unjudged} not judged (value written more than once or initial value rewritten)" +
                      (skipped > 0 ? $"; {skipped} operations with unrecognised values skipped" : "");
        return new CheckResult(Name, findings.Count > 0 ? Validity.Invalid : Validity.Valid, summary)
        {
            Anomalies = findings.GroupBy(f => f.Kind).SelectMany(g => g.Take(ExamplesPerKind)).Select(StaleReadExplanations.Explain).ToList(),
            AnomalyCounts = findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => (long)g.Count()),
            Stats = new Dictionary<string, object?>
            {
                ["read-count"] = reads,
                ["stale-count"] = (long)stale.Count,
                ["max-staleness-ms"] = TimeText.ToMillis(p[1]),
                ["p50-staleness-ms"] = TimeText.ToMillis(p[0]),
                ["garbage-count"] = (long)garbage,
                ["unjudged-count"] = unjudged,
            },
            Details = new Dictionary<string, object?>
            {
                ["stale"] = stale.Select(f => (object?)new object?[] { f.Read.Invoke.Time, f.StalenessNs, f.Read.Node }).ToArray(),
            },
        };
    }
}
