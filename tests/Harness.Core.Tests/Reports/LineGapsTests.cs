using Harness.Reports.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>Gaps are gaps: a missing value or a long silence breaks a line; nothing is interpolated across.</summary>
public class LineGapsTests
{
    [Test]
    public void MissingValuesAndLongStepsBreakTheLine()
    {
        double[] xs = [0, 0.5, 1, 1.5, 2, 2.5, 12, 12.5, 13];
        double?[] ys = [1, 2, 3, null, null, 5, 6, 7, 8];
        var runs = LineGaps.Runs(xs, ys, gapX: 1.25);
        Assert.That(runs.Select(r => r.Xs), Is.EqualTo(new[] { new[] { 0, 0.5, 1 }, new[] { 2.5 }, new[] { 12, 12.5, 13.0 } }));
        Assert.That(runs[2].Ys, Is.EqualTo(new[] { 6, 7, 8.0 }));
    }

    [Test]
    public void UnbrokenSeriesIsOneRun()
    {
        var runs = LineGaps.Runs([0, 1, 2], [5, 5, 5], gapX: 2.5);
        Assert.That(runs, Has.Count.EqualTo(1));
        Assert.That(runs[0].Xs, Has.Count.EqualTo(3));
    }

    [Test]
    public void GapThresholdIsTwoAndAHalfMedianSteps()
    {
        Assert.That(LineGaps.GapThreshold([0, 500, 1000, 1500, 9000]), Is.EqualTo(1250));
        Assert.That(LineGaps.GapThreshold([0, 500]), Is.EqualTo(1_000_000_000), "too few samples to judge: one second");
    }
}
