using Harness.Checkers.Leaderless.Internal;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// Sloppy-quorum visibility. A leaderless store with hinted handoff acknowledges a write on whatever nodes its
/// coordinator can reach, so during a partition a write can succeed on one side while the other side cannot see it:
/// <c>w + r &gt; n</c> no longer guarantees overlap. For a keyed register, this counts reads that began after an
/// acknowledged write completed, while the same partition was in force, through a coordinator cut off from the
/// write's coordinator, and returned nothing or an older value (one whose write completed before the missed write
/// began). Not an error of the store (it promises only eventual consistency), so the verdict stays valid; the count
/// and the examples are the measurement. Coordinators are the operations' nodes.
/// </summary>
public sealed class SloppyQuorumVisibilityChecker(IReadOnlyList<string> nodes) : IChecker
{
    private const int Examples = 10;

    public string Name => "sloppy-quorum-visibility";

    public CheckResult Check(History history, CheckContext context)
    {
        var spans = PartitionTimeline.Of(history, nodes);
        var (writes, reads) = KeyedWrites.Of(history);
        var anomalies = new List<Anomaly>();
        long missed = 0, acrossReads = 0;
        foreach (var span in spans)
        {
            foreach (var (key, keyReads) in reads)
            {
                var keyWrites = writes.GetValueOrDefault(key) ?? [];
                foreach (var r in keyReads.Where(r => r.IsOk && r.Start >= span.Start && r.End <= span.End && r.Node is not null))
                {
                    var unseen = keyWrites.Where(w => w.IsOk && w.Node is not null && w.End >= span.Start && w.End < r.Start
                                                      && !span.Grudge.Connected(w.Node, r.Node!)).ToList();
                    if (unseen.Count > 0) acrossReads++;
                    var miss = unseen.LastOrDefault(w => !Sees(r, w, keyWrites));
                    if (miss is null) continue;
                    missed++;
                    if (anomalies.Count < Examples) anomalies.Add(Explain(key, r, miss));
                }
            }
        }
        var summary = spans.Count == 0
            ? "no partition in the history: nothing to measure"
            : $"{missed} of {acrossReads} reads across a partition missed an acknowledged write from the other side ({spans.Count} partitions)";
        return new CheckResult(Name, spans.Count == 0 ? Validity.Unknown : Validity.Valid, summary)
        {
            Anomalies = anomalies,
            AnomalyCounts = missed > 0 ? new Dictionary<string, long> { ["invisible-write"] = missed } : new Dictionary<string, long>(),
            Stats = new Dictionary<string, object?> { ["invisible-count"] = missed, ["cross-partition-read-count"] = acrossReads, ["partition-count"] = (long)spans.Count },
        };
    }

    /// <summary>True if the read returned the write's value or a value that may have been stamped no earlier than it
    /// began (an Info write's value too: its stamp is before its answer, see <see cref="KeyedOp.StampBound"/>).</summary>
    private static bool Sees(KeyedOp read, KeyedOp write, List<KeyedOp> writes)
    {
        if (read.Value is null) return false;
        if (read.Value == write.Value) return true;
        var source = writes.FirstOrDefault(w => w.Value == read.Value);
        return source is null || source.StampBound >= write.Start;
    }

    private static Anomaly Explain(long key, KeyedOp read, KeyedOp write) => new("invisible-write",
        $"key {key}: the write of {write.Value} via {write.Node} was acknowledged at {write.End / 1e9:0.000} s during a partition; " +
        $"a read via {read.Node}, on the other side, began at {read.Start / 1e9:0.000} s and returned " +
        $"{(read.Value is null ? "nothing (404)" : read.Value.ToString())}: the write was acknowledged by a (sloppy) quorum this side could not reach",
        [write.Invoke.Index, read.Invoke.Index]);
}
