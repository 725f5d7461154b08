namespace Harness.Checkers.StaleReads.Internal;

/// <summary>
/// Answers, in O(log n), "of the Ok writes invoked strictly after time t, which was acknowledged first?" — the
/// earliest moment at which a value written before t was certainly overwritten. Ok writes are sorted by
/// invocation time and each suffix remembers its earliest completion.
/// </summary>
internal sealed class OverwriteIndex
{
    private readonly long[] _invokeTimes;
    private readonly RegisterWrite[] _earliestFrom;

    public OverwriteIndex(IEnumerable<RegisterWrite> writes)
    {
        var ok = writes.Where(w => w.IsOk).OrderBy(w => w.Invoke.Time).ToArray();
        _invokeTimes = ok.Select(w => w.Invoke.Time).ToArray();
        _earliestFrom = new RegisterWrite[ok.Length];
        for (var i = ok.Length - 1; i >= 0; i--)
        {
            var next = i + 1 < ok.Length ? _earliestFrom[i + 1] : null;
            _earliestFrom[i] = next is not null && next.Completion!.Time < ok[i].Completion!.Time ? next : ok[i];
        }
    }

    /// <summary>The Ok write invoked after <paramref name="time"/> with the earliest acknowledgement, or null.</summary>
    public RegisterWrite? EarliestAcknowledgedInvokedAfter(long time)
    {
        int lo = 0, hi = _invokeTimes.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_invokeTimes[mid] > time) hi = mid;
            else lo = mid + 1;
        }
        return lo < _earliestFrom.Length ? _earliestFrom[lo] : null;
    }
}
