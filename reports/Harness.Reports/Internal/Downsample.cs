namespace Harness.Reports.Internal;

/// <summary>
/// Keeps a plot series under a fixed number of points by taking every k-th point (evenly spaced in history
/// order, always including the first and the last), so a 100,000-op run gives a PNG of sensible size and the
/// same input always gives the same picture.
/// </summary>
internal static class Downsample
{
    public const int MaxPointsPerSeries = 20_000;

    public static (double[] Xs, double[] Ys) Evenly(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int max = MaxPointsPerSeries)
    {
        var n = xs.Count;
        if (n <= max) return (xs.ToArray(), ys.ToArray());
        var outX = new double[max];
        var outY = new double[max];
        for (var i = 0; i < max; i++)
        {
            var source = (int)((long)i * (n - 1) / (max - 1));
            outX[i] = xs[source];
            outY[i] = ys[source];
        }
        return (outX, outY);
    }
}
