using Harness.Checkers.Leaderless.Internal;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// Acknowledged writes lost to last-writer-wins. In a leaderless store each coordinator stamps a write with its own
/// clock and replicas keep the highest stamp; a coordinator whose clock runs behind loses to writes that happened
/// before it in real time. For a keyed register (<c>[key, value]</c>, unique values) a write is <b>lost</b> when
/// it was acknowledged, no write of the key started after it completed (nothing legitimately replaced it), and the
/// key's final value is instead a write that had completed before it started: the earlier write won. A loser to a
/// write that overlapped it in time is counted apart (<c>concurrent-lost</c>: LWW's arbitrary choice, allowed).
/// The final value is given (e.g. read from every replica after the run) or else the last read that began after
/// every write of the key ended. Lost writes make the history invalid; clock offsets, if known, name the cause.
/// </summary>
public sealed class LwwLossChecker(IReadOnlyDictionary<long, long?>? finalValues = null, IReadOnlyDictionary<string, double>? clockOffsets = null) : IChecker
{
    private const int Examples = 10;

    public string Name => "lww-loss";

    public CheckResult Check(History history, CheckContext context)
    {
        var (writes, reads) = KeyedWrites.Of(history);
        var anomalies = new List<Anomaly>();
        long lost = 0, concurrent = 0, acknowledged = 0, undetermined = 0;
        foreach (var (key, list) in writes)
        {
            var final = Final(key, list, reads.GetValueOrDefault(key));
            var acked = list.Where(w => w.IsOk).ToList();
            acknowledged += acked.Count;
            if (final is null) { undetermined += acked.Count; continue; }
            foreach (var w in acked.Where(w => w.Value != final.Value.Value))
            {
                if (list.Any(o => o != w && !o.IsFail && o.Start > w.End)) continue; // legitimately overwritten
                var winner = list.FirstOrDefault(o => o.Value == final.Value.Value && final.Value.Value is not null);
                if (winner is not null && winner.End < w.Start)
                {
                    lost++;
                    if (anomalies.Count < Examples) anomalies.Add(Explain(key, w, winner));
                }
                else concurrent++;
            }
        }
        var stats = new Dictionary<string, object?>
        {
            ["acknowledged-count"] = acknowledged,
            ["lww-lost-count"] = lost,
            ["lww-concurrent-lost-count"] = concurrent,
            ["undetermined-count"] = undetermined,
        };
        var validity = lost > 0 ? Validity.Invalid : acknowledged > undetermined ? Validity.Valid : Validity.Unknown;
        var summary = $"{lost} acknowledged writes lost to an earlier write (last-writer-wins), {concurrent} lost to a concurrent write, " +
                      $"{undetermined} of {acknowledged} acknowledged writes on keys without a final value";
        return new CheckResult(Name, validity, summary)
        {
            Anomalies = anomalies,
            AnomalyCounts = lost > 0 ? new Dictionary<string, long> { ["lww-lost-write"] = lost } : new Dictionary<string, long>(),
            Stats = stats,
        };
    }

    /// <summary>The key's final value (Some(null) = absent), or null if it cannot be known.</summary>
    private (long? Value, bool Known)? Final(long key, List<KeyedOp> writes, List<KeyedOp>? reads)
    {
        if (finalValues is not null && finalValues.TryGetValue(key, out var given)) return (given, true);
        var lastEnd = writes.Where(w => !w.IsFail).Select(w => w.End).DefaultIfEmpty(0).Max();
        if (lastEnd == long.MaxValue || reads is null) return null;
        var last = reads.Where(r => r.IsOk && r.Start > lastEnd).MaxBy(r => r.Start);
        return last is null ? null : (last.Value, true);
    }

    private Anomaly Explain(long key, KeyedOp lostWrite, KeyedOp winner)
    {
        string Clock(string? node) => node is not null && clockOffsets is not null && clockOffsets.TryGetValue(node, out var s) ? $" (clock {s:+0.###;-0.###} s)" : "";
        var text = $"key {key}: the write of {lostWrite.Value} via {lostWrite.Node}{Clock(lostWrite.Node)} was acknowledged at " +
                   $"{lostWrite.End / 1e9:0.000} s, but the key ended with {winner.Value}, written via {winner.Node}{Clock(winner.Node)} " +
                   $"and acknowledged at {winner.End / 1e9:0.000} s, before the lost write began ({lostWrite.Start / 1e9:0.000} s): " +
                   "the earlier write carried the later timestamp, and last-writer-wins dropped the acknowledged one";
        return new Anomaly("lww-lost-write", text, [lostWrite.Invoke.Index, winner.Invoke.Index]);
    }
}
