namespace Harness.Reports.Internal;

/// <summary>
/// Gaps are gaps: a series is cut into runs wherever samples are missing, so no line is drawn across a stretch
/// nobody measured. A gap is a step longer than <see cref="GapThreshold"/> (2.5 sampling intervals, by the median
/// step), or a place the caller marks as a break (the node was primary, or had no replication row).
/// </summary>
internal static class LineGaps
{
    /// <summary>2.5 times the median step between distinct sample times (1 s when there are too few samples).</summary>
    public static long GapThreshold(IReadOnlyList<long> times)
    {
        var distinct = times.Distinct().Order().ToList();
        if (distinct.Count < 3) return 1_000_000_000;
        var steps = distinct.Zip(distinct.Skip(1), (a, b) => b - a).Order().ToList();
        return Math.Max((long)(steps[steps.Count / 2] * 2.5), 1);
    }

    /// <summary>Runs of consecutive points (x ascending; null y = missing) with no step longer than <paramref name="gapX"/>.</summary>
    public static List<(List<double> Xs, List<double> Ys)> Runs(IReadOnlyList<double> xs, IReadOnlyList<double?> ys, double gapX)
    {
        var runs = new List<(List<double>, List<double>)>();
        (List<double> X, List<double> Y)? current = null;
        double? lastX = null;
        for (var i = 0; i < xs.Count; i++)
        {
            if (ys[i] is not { } y || (lastX is { } lx && xs[i] - lx > gapX))
                current = null;
            if (ys[i] is null)
            {
                lastX = xs[i];
                continue;
            }
            if (current is null)
            {
                current = (new List<double>(), new List<double>());
                runs.Add(current.Value);
            }
            current.Value.X.Add(xs[i]);
            current.Value.Y.Add(ys[i]!.Value);
            lastX = xs[i];
        }
        return runs;
    }
}
