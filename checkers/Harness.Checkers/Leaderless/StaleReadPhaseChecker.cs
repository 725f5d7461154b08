using Harness.Checkers.Leaderless.Internal;
using Harness.Core.Checking;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// Stale reads by when they happened: during a partition, after a heal, or before any partition. Without read repair a
/// leaderless store leaves a replica that missed writes in a partition stale after the heal until anti-entropy runs
/// (Swift's object replicator); a read of one replica that lands on it returns the old value, while a read of every
/// primary (Swift's <c>X-Newest</c>) finds the newest copy. So the stale reads that matter here are those after the
/// heal: during a partition even a read of every reachable primary can be stale. A read is stale when an Ok write of
/// the key finished before the read began and the value the read returned (unique per key) was written by a write
/// answered (even with a 503 or a timeout: stamped before that) before that overwrite began, or the read returned
/// nothing although the write had finished. A read counts
/// by when it began (a coordinator picks its replica then): during a partition, from its first rule to its heal, or after a heal. Not an error of the store (it promises
/// eventual consistency), so the verdict stays valid; counts and examples are the measurement.
/// </summary>
public sealed class StaleReadPhaseChecker(IReadOnlyList<string> nodes) : IChecker
{
    private const int Examples = 10;

    public string Name => "stale-by-phase";

    public CheckResult Check(Core.History.History history, CheckContext context)
    {
        var spans = PartitionTimeline.Of(history, nodes);
        var (writes, reads) = KeyedWrites.Of(history);
        var counts = new Dictionary<string, long> { ["during"] = 0, ["after-heal"] = 0, ["calm"] = 0 };
        var readCounts = new Dictionary<string, long> { ["during"] = 0, ["after-heal"] = 0, ["calm"] = 0 };
        var anomalies = new List<Anomaly>();
        foreach (var (key, keyReads) in reads)
        {
            var keyWrites = writes.GetValueOrDefault(key) ?? [];
            foreach (var r in keyReads.Where(r => r.IsOk))
            {
                var phase = spans.Any(s => s.From <= r.Start && r.Start < s.End) ? "during" : spans.Any(s => s.End <= r.Start) ? "after-heal" : "calm";
                readCounts[phase]++;
                if (Overwrite(r, keyWrites) is not { } overwrite) continue;
                counts[phase]++;
                if (phase == "after-heal" && anomalies.Count < Examples) anomalies.Add(Explain(key, r, overwrite, spans.Where(s => s.End <= r.Start).Max(s => s.End)));
            }
        }
        var stats = new Dictionary<string, object?>
        {
            ["stale-after-heal-count"] = counts["after-heal"],
            ["stale-during-partition-count"] = counts["during"],
            ["stale-calm-count"] = counts["calm"],
            ["reads-after-heal-count"] = readCounts["after-heal"],
            ["reads-during-partition-count"] = readCounts["during"],
            ["partition-count"] = (long)spans.Count,
        };
        var summary = spans.Count == 0
            ? "no partition in the history: nothing to measure"
            : $"stale reads: {counts["after-heal"]} of {readCounts["after-heal"]} after a heal, {counts["during"]} of {readCounts["during"]} during a partition, " +
              $"{counts["calm"]} of {readCounts["calm"]} before any partition ({spans.Count} partitions)";
        return new CheckResult(Name, spans.Count == 0 ? Validity.Unknown : Validity.Valid, summary)
        {
            Anomalies = anomalies,
            AnomalyCounts = counts["after-heal"] > 0 ? new Dictionary<string, long> { ["stale-after-heal"] = counts["after-heal"] } : new Dictionary<string, long>(),
            Stats = stats,
        };
    }

    /// <summary>The Ok write that certainly overwrote what the read returned before the read began, or null.</summary>
    private static KeyedOp? Overwrite(KeyedOp read, List<KeyedOp> writes)
    {
        var source = read.Value is null ? null : writes.FirstOrDefault(w => w.Value == read.Value);
        if (read.Value is not null && source is null) return null; // a value never written: not a stale read
        return writes.Where(w => w.IsOk && w != source && w.End < read.Start && (source is null || source.StampBound < w.Start)).MaxBy(w => w.End);
    }

    private static Anomaly Explain(long key, KeyedOp read, KeyedOp overwrite, long healNs) => new("stale-after-heal",
        $"key {key}: a read via {read.Node} began at {read.Start / 1e9:0.000} s, {(read.Start - healNs) / 1e6:0} ms after a heal, and returned " +
        $"{(read.Value is null ? "nothing (404)" : read.Value.ToString())}, although the write of {overwrite.Value} via {overwrite.Node} had been acknowledged " +
        $"at {overwrite.End / 1e9:0.000} s: the replica it read missed that write in the partition and anti-entropy had not repaired it yet",
        [overwrite.Invoke.Index, read.Invoke.Index]);
}
