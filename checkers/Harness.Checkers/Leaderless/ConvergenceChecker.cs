using System.Globalization;
using Harness.Core.Checking;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// Convergence after heal, and replica placement. Leaderless stores repair divergent replicas in the background
/// (Swift's replicator, Dynamo's anti-entropy); after each heal a probe reads every object's copy on every node until
/// all primaries agree. An object that disagreed in the first sample after a heal converged at the first sample
/// in which its primaries agree; the time from the heal is its convergence time (p50, max). The sample before it still
/// disagreed, so the object converged between the two: <c>last-diverged-p50-ms</c> / <c>-max-ms</c> give that lower
/// bound, which matters when a probe round is slow (tens of seconds on a loaded machine). One that never agreed
/// in the window is unconverged, which makes the verdict invalid; one whose poll a later heal or the end of the run
/// stopped before the window ran out is not judged (<c>interrupted-count</c>). Placement: the objects a non-primary (handoff)
/// held in any sample, i.e. written by a sloppy quorum, and a table of every object's primaries and handoffs
/// (<see cref="ReplicaPlacement"/>). Pure over the samples (<see cref="ReplicaSample"/>).
/// </summary>
public static class ConvergenceChecker
{
    public const string Name = "convergence";

    public static CheckResult Check(IReadOnlyList<ReplicaSample> samples, long? windowMs = null)
    {
        var heals = samples.Where(s => s.Phase == "heal").GroupBy(s => (s.Heal, s.Container, s.Object)).ToList();
        var healStarts = samples.Where(s => s.Phase == "heal").GroupBy(s => s.Heal).ToDictionary(g => g.Key, g => g.First().HealMs);
        var finalMs = samples.Where(s => s.Phase == "final").Select(s => (long?)s.TimeMs).Min();
        var times = new List<long>();
        var lows = new List<long>();
        var unconverged = new List<string>();
        var interrupted = 0L;
        foreach (var g in heals)
        {
            var ordered = g.OrderBy(s => s.TimeMs).ToList();
            if (ordered[0].Agrees) continue;
            var first = ordered.FirstOrDefault(s => s.Agrees);
            if (first is not null)
            {
                times.Add(first.TimeMs - first.HealMs);
                lows.Add(ordered[ordered.IndexOf(first) - 1].TimeMs - first.HealMs);
            }
            else if (CutShort(g.Key.Heal, ordered[0].HealMs, windowMs, healStarts, finalMs)) interrupted++;
            else unconverged.Add($"{g.Key.Container}/{g.Key.Object} (heal {g.Key.Heal})");
        }
        var handoffs = samples.Where(s => s.Handoffs.Any()).GroupBy(s => $"{s.Container}/{s.Object}")
            .ToDictionary(g => g.Key, g => string.Join(",", g.SelectMany(s => s.Handoffs).Distinct().Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        var finalDisagree = samples.Where(s => s.Phase == "final" && !s.Agrees).Select(s => $"{s.Container}/{s.Object}").ToList();
        times.Sort();
        lows.Sort();
        var stats = new Dictionary<string, object?>
        {
            ["objects-probed"] = (long)samples.Select(s => (s.Container, s.Object)).Distinct().Count(),
            ["diverged-at-heal-count"] = times.Count + unconverged.Count + interrupted,
            ["converged-count"] = (long)times.Count,
            ["unconverged-count"] = (long)unconverged.Count,
            ["interrupted-count"] = interrupted,
            ["convergence-p50-ms"] = times.Count == 0 ? null : times[(times.Count - 1) / 2],
            ["convergence-max-ms"] = times.Count == 0 ? null : times[^1],
            ["last-diverged-p50-ms"] = lows.Count == 0 ? null : lows[(lows.Count - 1) / 2],
            ["last-diverged-max-ms"] = lows.Count == 0 ? null : lows[^1],
            ["handoff-object-count"] = (long)handoffs.Count,
            ["final-disagree-count"] = (long)finalDisagree.Count,
        };
        var anomalies = unconverged.Take(10).Select(o => new Anomaly("unconverged", $"{o}: replicas still disagreed when the probe window ended", [])).ToList();
        var validity = samples.Count == 0 ? Validity.Unknown : unconverged.Count > 0 ? Validity.Invalid : Validity.Valid;
        var notJudged = interrupted > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {interrupted} not judged (a later heal or the run's end cut the poll short)") : "";
        var summary = samples.Count == 0 ? "no replica samples"
            : string.Create(CultureInfo.InvariantCulture,
                $"{times.Count + unconverged.Count + interrupted} objects diverged at a heal: {times.Count} converged (p50 {Ms(stats["convergence-p50-ms"])}, max {Ms(stats["convergence-max-ms"])}; " +
                $"last seen diverged p50 {Ms(stats["last-diverged-p50-ms"])}, max {Ms(stats["last-diverged-max-ms"])}), " +
                $"{unconverged.Count} not within the window{notJudged}; {handoffs.Count} objects held by handoff nodes");
        return new CheckResult(Name, validity, summary)
        {
            Anomalies = anomalies,
            AnomalyCounts = unconverged.Count > 0 ? new Dictionary<string, long> { ["unconverged"] = unconverged.Count } : new Dictionary<string, long>(),
            Stats = stats,
            Details = new Dictionary<string, object?> { ["handoffs"] = handoffs, ["table"] = ReplicaPlacement.Table(samples) },
        };
    }

    /// <summary>Whether the poll after heal <paramref name="heal"/> was stopped before its window ran out: a later heal
    /// (which restarts polling) or the run's final sample came within the window. Unknown window: never.</summary>
    private static bool CutShort(int heal, long healMs, long? windowMs, IReadOnlyDictionary<int, long> healStarts, long? finalMs) =>
        windowMs is { } w && (healStarts.Any(h => h.Key > heal && h.Value < healMs + w) || finalMs < healMs + w);

    private static string Ms(object? v) => v is long ms ? string.Create(CultureInfo.InvariantCulture, $"{ms} ms") : "n/a";
}
