using Harness.Checkers.Stats.Internal;
using Harness.Core.History;

namespace Harness.Checkers.StaleReads.Internal;

/// <summary>
/// Judges the Ok reads of one register whose written values are unique. A read returning v must follow v's only
/// write W. If W was acknowledged before some Ok write W2 was invoked, and W2 was acknowledged before the read was
/// invoked, then every linearization orders W, W2, read — so the read cannot return v: it is stale. Reads of the
/// initial value are stale once any Ok write was acknowledged before the read began (when no write stores the
/// initial value again). A value nobody wrote, only a failed write wrote, or whose write began after the read
/// ended is garbage. Values written more than once, and writes of unknown outcome, prove nothing and are skipped:
/// the finder never accuses a linearizable history, but it can miss anomalies the linearizability checker finds.
/// </summary>
internal sealed class StaleReadFinder
{
    private readonly KeyOps _ops;
    private readonly Func<object?, bool> _isInitial;
    private readonly Dictionary<object, (RegisterWrite? Happened, int HappenedCount, RegisterWrite? Failed)> _writers =
        new(ValueComparer.Instance);
    private readonly bool _initialRewritten;
    private readonly OverwriteIndex _overwrites;

    public int Unjudged { get; private set; }

    public StaleReadFinder(KeyOps ops, Func<object?, bool> isInitial)
    {
        _ops = ops;
        _isInitial = isInitial;
        _overwrites = new OverwriteIndex(ops.Writes);
        foreach (var w in ops.Writes)
        {
            if (!w.IsFail && isInitial(w.Value)) _initialRewritten = true;
            if (w.Value is null) continue;
            var (happened, count, failed) = _writers.GetValueOrDefault(w.Value);
            _writers[w.Value] = w.IsFail ? (happened, count, failed ?? w) : (happened ?? w, count + 1, failed);
        }
    }

    public IEnumerable<ReadFinding> Find()
    {
        foreach (var read in _ops.Reads)
            if (Judge(read) is { } finding)
                yield return finding;
    }

    private ReadFinding? Judge(RegisterRead read)
    {
        if (_isInitial(read.Value)) return JudgeInitial(read);
        if (read.Value is null || !_writers.TryGetValue(read.Value, out var writers))
            return Garbage(read, null, "which no operation ever wrote");
        if (writers.HappenedCount == 0)
            return Garbage(read, writers.Failed, $"which only {writers.Failed!.Describe()} tried to write, and it failed at {TimeText.Seconds(writers.Failed.Completion!.Time)}");
        if (writers.HappenedCount > 1) { Unjudged++; return null; }
        var source = writers.Happened!;
        if (source.Invoke.Time > read.Completion.Time)
            return Garbage(read, source, $"but its only write ({source.Describe()}) was invoked at {TimeText.Seconds(source.Invoke.Time)}, after the read completed at {TimeText.Seconds(read.Completion.Time)}");
        if (!source.IsOk) return null;
        return StaleIfOverwritten(read, source, _overwrites.EarliestAcknowledgedInvokedAfter(source.Completion!.Time));
    }

    private ReadFinding? JudgeInitial(RegisterRead read)
    {
        if (_initialRewritten) { Unjudged++; return null; }
        return StaleIfOverwritten(read, null, _overwrites.EarliestAcknowledgedInvokedAfter(long.MinValue));
    }

    private ReadFinding? StaleIfOverwritten(RegisterRead read, RegisterWrite? source, RegisterWrite? overwrite)
    {
        if (overwrite is null || overwrite.Completion!.Time >= read.Invoke.Time) return null;
        var staleness = read.Invoke.Time - overwrite.Completion.Time;
        return new ReadFinding(ReadFinding.Stale, _ops.Key, read, source, overwrite, staleness, "");
    }

    private ReadFinding Garbage(RegisterRead read, RegisterWrite? source, string reason) =>
        new(ReadFinding.Garbage, _ops.Key, read, source, null, 0, reason);
}
