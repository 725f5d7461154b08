using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// Places the wall-clock times of <c>convergence.jsonl</c> (Unix ms, as the replica probe read them) on the run's
/// time axis (seconds since start, from a monotonic clock that the history never ties to the wall clock). The probe
/// starts polling inside the nemesis step that heals (network healed, node restarted or resumed), just before that
/// step completes, so nearly every heal's wall time lies a few milliseconds before the end of a fault window (a fault
/// that restarts nodes while still in force, such as kill-recovery, also heals mid-window). Of the offsets that put
/// one of the first few heals exactly on some window's end, the one chosen brings all heals closest to window ends
/// (the least total distance, within <see cref="ToleranceMs"/>); among equals, the one that puts heal number k on the
/// k-th window's end (the probe numbers heals in order, and a heal that wrote no sample leaves a gap in the numbers).
/// No heal or no fault window: no offset, so nothing is placed.
/// </summary>
internal static class ConvergenceClock
{
    /// <summary>Scores closer than this are equal (sums of floating-point differences of Unix ms are not exact).</summary>
    public const double ToleranceMs = 1.0;

    /// <summary>Heals tried as anchors: one of them ends a window unless the run began with several mid-window restarts.</summary>
    private const int AnchorHeals = 3;

    /// <summary>The wall-clock Unix ms of run time zero, or null if it cannot be told. <paramref name="heals"/>: each
    /// heal's number (1, 2, ... in the order the probe saw them) and wall-clock time.</summary>
    public static double? ZeroMs(IReadOnlyList<(int Number, long WallMs)> heals, IReadOnlyList<FaultWindow> faults)
    {
        if (heals.Count == 0 || faults.Count == 0) return null;
        var sorted = heals.Distinct().OrderBy(h => h.WallMs).ToList();
        var ends = faults.Select(f => f.EndNs / 1e6).Distinct().Order().ToArray();
        double? best = null;
        double bestScore = double.MaxValue, bestMismatch = double.MaxValue;
        foreach (var (number, wall) in sorted.Take(AnchorHeals))
            for (var j = 0; j < ends.Length; j++)
            {
                var zero = wall - ends[j];
                var score = sorted.Sum(h => Nearest(ends, h.WallMs - zero));
                var mismatch = Math.Abs(number - (j + 1));
                if (score < bestScore - ToleranceMs || (score <= bestScore + ToleranceMs && mismatch < bestMismatch))
                    (best, bestScore, bestMismatch) = (zero, Math.Min(score, bestScore), mismatch);
            }
        return best;
    }

    /// <summary>Distance from <paramref name="x"/> to the nearest of the sorted <paramref name="ends"/>.</summary>
    private static double Nearest(double[] ends, double x)
    {
        var i = Array.BinarySearch(ends, x);
        if (i >= 0) return 0;
        i = ~i;
        var after = i < ends.Length ? ends[i] - x : double.MaxValue;
        var before = i > 0 ? x - ends[i - 1] : double.MaxValue;
        return Math.Min(after, before);
    }
}
