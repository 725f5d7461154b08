using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// Places the wall-clock times of <c>convergence.jsonl</c> (Unix ms, as the replica probe read them) on the run's
/// time axis (seconds since start, from a monotonic clock that the history never ties to the wall clock). The probe
/// starts polling inside the nemesis step that heals (network healed, node restarted or resumed), just before that
/// step completes, so every heal's wall time lies a few milliseconds before the end of a fault window. The offset
/// chosen is the one that puts the first heal on a window's end and, of those, brings every other heal closest to
/// some window's end (the least total distance). No heal or no fault window: no offset, so nothing is placed.
/// </summary>
internal static class ConvergenceClock
{
    /// <summary>The wall-clock Unix ms of run time zero, or null if it cannot be told.</summary>
    public static double? ZeroMs(IReadOnlyList<long> healWallMs, IReadOnlyList<FaultWindow> faults)
    {
        if (healWallMs.Count == 0 || faults.Count == 0) return null;
        var heals = healWallMs.Order().ToList();
        var ends = faults.Select(f => f.EndNs / 1e6).Distinct().Order().ToList();
        double? best = null;
        var bestScore = double.MaxValue;
        foreach (var end in ends)
        {
            var zero = heals[0] - end;
            var score = heals.Sum(h => ends.Min(e => Math.Abs(h - zero - e)));
            if (score >= bestScore) continue;
            bestScore = score;
            best = zero;
        }
        return best;
    }
}
