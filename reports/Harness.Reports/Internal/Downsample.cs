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

    /// <summary>The same choice as <see cref="Evenly"/> made while the points stream past, for a series whose length
    /// is known beforehand: only the kept points are ever held.</summary>
    public sealed class Stream(int count, int max = MaxPointsPerSeries)
    {
        private readonly List<double> _xs = new(Math.Min(count, max));
        private readonly List<double> _ys = new(Math.Min(count, max));
        private int _seen;

        public double[] Xs => [.. _xs];
        public double[] Ys => [.. _ys];

        public void Offer(double x, double y)
        {
            var position = _seen++;
            if (count > max && position != Next()) return;
            _xs.Add(x);
            _ys.Add(y);
        }

        private long Next() => (long)_xs.Count * (count - 1) / (max - 1);
    }
}
