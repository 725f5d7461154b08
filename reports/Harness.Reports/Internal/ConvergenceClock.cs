using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// Places the wall-clock times of <c>convergence.jsonl</c> (Unix ms, as the replica probe read them) on the run's
/// time axis (seconds since start, from a monotonic clock that the history never ties to the wall clock). The probe
/// starts polling inside the nemesis step that heals (network healed, node restarted or resumed), just before that
/// step completes, so nearly every heal's wall time lies a few milliseconds before the end of a fault window (a fault
/// that restarts nodes while still in force, such as kill-recovery, also heals mid-window). Of the offsets that put
/// one of the first few heals exactly on some window's end, the one chosen brings all heals closest to window ends
/// (the least total distance; on a tie, the one that places the heals earliest). No heal or no fault window: no
/// offset, so nothing is placed.
/// </summary>
internal static class ConvergenceClock
{
    /// <summary>The wall-clock Unix ms of run time zero, or null if it cannot be told.</summary>
    public static double? ZeroMs(IReadOnlyList<long> healWallMs, IReadOnlyList<FaultWindow> faults)
    {
        if (healWallMs.Count == 0 || faults.Count == 0) return null;
        var heals = healWallMs.Distinct().Order().ToList();
        var ends = faults.Select(f => f.EndNs / 1e6).Distinct().Order().ToArray();
        double? best = null;
        var bestScore = double.MaxValue;
        foreach (var zero in heals.Take(AnchorHeals).SelectMany(h => ends.Select(e => h - e)).Distinct().OrderDescending())
        {
            var score = heals.Sum(h => Nearest(ends, h - zero));
            if (score >= bestScore) continue;
            bestScore = score;
            best = zero;
        }
        return best;
    }

    /// <summary>Heals tried as anchors: one of them ends a window unless the run began with several mid-window restarts.</summary>
    private const int AnchorHeals = 3;

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
