namespace Harness.Checkers.Stats.Internal;

/// <summary>Nearest-rank percentiles of a sample: the p-th percentile is the smallest value such that at least
/// p percent of the sample is at or below it (so p50 of [1, 2, 3, 4] is 2 and p100 is the maximum).</summary>
internal static class Percentiles
{
    /// <summary>Sorts <paramref name="values"/> in place and returns the requested percentiles (0 for an empty sample).</summary>
    public static long[] Of(List<long> values, params double[] percents)
    {
        values.Sort();
        var result = new long[percents.Length];
        for (var i = 0; i < percents.Length; i++) result[i] = Rank(values, percents[i]);
        return result;
    }

    private static long Rank(List<long> sorted, double percent)
    {
        if (sorted.Count == 0) return 0;
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
