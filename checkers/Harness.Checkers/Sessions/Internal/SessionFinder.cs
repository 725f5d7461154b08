using Harness.Checkers.StaleReads.Internal;
using Harness.Core.History;

namespace Harness.Checkers.Sessions.Internal;

/// <summary>
/// The session guarantees of Terry et al. on one register with unique written values. Write A certainly precedes
/// write B when A was acknowledged before B was invoked; the initial (nil) value precedes every write. A read
/// "goes back" when it returns a value whose write certainly precedes the write of a value seen earlier. Every
/// finding is a certificate: none is possible in a linearizable history.
/// read-your-writes: a session reads a value older than its own acknowledged write; monotonic-reads: a session
/// reads an older value than it read before; and, for reads on one node that go back (the node's view reversed):
/// monotonic-writes when both writes came from one session in that order, writes-follow-reads when the newer
/// write's session had read the older value first, else consistent-prefix.
/// </summary>
internal sealed class SessionFinder(KeyOps key)
{
    private readonly Dictionary<object, RegisterWrite> _writes = Unique(key.Writes);

    public IEnumerable<SessionFinding> Find()
    {
        var reads = key.Reads.Where(r => Known(r.Value)).OrderBy(r => r.Invoke.Time).ToList();
        foreach (var g in reads.GroupBy(r => r.Invoke.Process))
        {
            foreach (var f in ReadYourWrites(g.ToList())) yield return f;
            foreach (var f in Backwards(g.ToList(), sameSession: true)) yield return f;
        }
        foreach (var g in reads.GroupBy(r => r.Node))
            foreach (var f in Backwards(g.ToList(), sameSession: false)) yield return f;
    }

    private IEnumerable<SessionFinding> ReadYourWrites(List<RegisterRead> reads)
    {
        var own = key.Writes.Where(w => w.IsOk && w.Invoke.Process == reads[0].Invoke.Process).ToList();
        foreach (var r in reads)
        {
            var mine = own.Where(w => w.Completion!.Time < r.Invoke.Time && Newer(w, r.Value)).MaxBy(w => w.Completion!.Time);
            if (mine is null) continue;
            yield return new SessionFinding("read-your-writes", r.Completion, mine.Completion!, r.Invoke.Time - mine.Completion!.Time, Versions(r.Value, mine),
                $"process {r.Invoke.Process} read {Show(r.Value)} from {r.Node} after its own {mine.Describe()} was acknowledged");
        }
    }

    private IEnumerable<SessionFinding> Backwards(List<RegisterRead> reads, bool sameSession)
    {
        for (var j = 1; j < reads.Count; j++)
        {
            var later = reads[j];
            var earlier = reads.Take(j).Where(e => e.Completion.Time < later.Invoke.Time && e.Value is not null && _writes.TryGetValue(e.Value, out var we) && Newer(we, later.Value))
                .MaxBy(e => e.Completion.Time);
            if (earlier is null) continue;
            var newer = _writes[earlier.Value!];
            var guarantee = sameSession ? "monotonic-reads" : Classify(newer, later.Value);
            yield return new SessionFinding(guarantee, later.Completion, earlier.Completion, later.Invoke.Time - earlier.Completion.Time, Versions(later.Value, newer),
                sameSession
                    ? $"process {later.Invoke.Process} read {Show(later.Value)} after it had read the newer {Show(earlier.Value)}"
                    : $"{later.Node} served {Show(later.Value)} after it had served the newer {Show(earlier.Value)} ({guarantee})");
        }
    }

    private string Classify(RegisterWrite newer, object? olderValue)
    {
        if (olderValue is not null && _writes.TryGetValue(olderValue, out var older) && older.Invoke.Process == newer.Invoke.Process)
            return "monotonic-writes";
        var sawOlder = key.Reads.Any(r => r.Invoke.Process == newer.Invoke.Process && r.Completion.Time < newer.Invoke.Time && Core.History.ValueText.Equals(r.Value, olderValue));
        return sawOlder ? "writes-follow-reads" : "consistent-prefix";
    }

    /// <summary>True if <paramref name="write"/> certainly comes after the write of <paramref name="value"/> (or value is initial).</summary>
    private bool Newer(RegisterWrite write, object? value)
    {
        if (value is null) return true;
        return _writes.TryGetValue(value, out var old) && old.IsOk && old.Completion!.Time < write.Invoke.Time;
    }

    private int Versions(object? value, RegisterWrite newer) =>
        key.Writes.Count(w => w.IsOk && w != newer && Newer(w, value) && w.Completion!.Time < newer.Invoke.Time) + 1;

    private bool Known(object? value) => value is null || _writes.ContainsKey(value);

    private static string Show(object? v) => v is null ? "the initial value (nil)" : ValueText.Format(v);

    private static Dictionary<object, RegisterWrite> Unique(List<RegisterWrite> writes)
    {
        var byValue = new Dictionary<object, RegisterWrite>(ValueComparer.Instance);
        var twice = new HashSet<object>(ValueComparer.Instance);
        foreach (var w in writes.Where(w => w.Value is not null))
            if (!byValue.TryAdd(w.Value!, w)) twice.Add(w.Value!);
        foreach (var v in twice) byValue.Remove(v);
        return byValue;
    }
}
