using Harness.Core.History;
using Harness.Reports.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>The report's streaming pieces: a downsampled series kept while points stream past is the one
/// <see cref="Downsample.Evenly"/> picks from the whole list, and ops are found by index whether or not their index
/// equals their position (the first op carrying an index wins).</summary>
public class DownsampleAndPairsTests
{
    [TestCase(0)]
    [TestCase(7)]
    [TestCase(100)]
    [TestCase(101)]
    [TestCase(12_345)]
    public void StreamingDownsampleKeepsTheSamePoints(int n)
    {
        var xs = Enumerable.Range(0, n).Select(i => i * 0.5).ToList();
        var ys = Enumerable.Range(0, n).Select(i => Math.Sin(i)).ToList();
        var (ex, ey) = Downsample.Evenly(xs, ys, 100);
        var stream = new Downsample.Stream(n, 100);
        for (var i = 0; i < n; i++) stream.Offer(xs[i], ys[i]);
        Assert.That(stream.Xs, Is.EqualTo(ex));
        Assert.That(stream.Ys, Is.EqualTo(ey));
        Assert.That(stream.Xs, Has.Length.EqualTo(Math.Min(n, 100)));
    }

    [Test]
    public void FindsOpsByIndexWithoutATableForPositions()
    {
        Op At(long index, long time, OpType type) => new(index, time, type, 1, "read");
        var ops = new List<Op>
        {
            At(0, 0, OpType.Invoke), At(1, 1, OpType.Ok), At(7, 2, OpType.Invoke), At(3, 3, OpType.Ok), At(3, 4, OpType.Invoke), At(7, 5, OpType.Ok),
        };
        var pairs = OpPairs.Of(ops);
        Assert.That(pairs.PositionOf(0), Is.EqualTo(0));
        Assert.That(pairs.PositionOf(1), Is.EqualTo(1));
        Assert.That(pairs.PositionOf(7), Is.EqualTo(2), "first op with index 7");
        Assert.That(pairs.PositionOf(3), Is.EqualTo(3), "its own position comes first");
        Assert.That(pairs.PositionOf(2), Is.EqualTo(-1));
        Assert.That(pairs.PositionOf(-4), Is.EqualTo(-1));
        Assert.That(pairs.PartnerOf(0), Is.EqualTo(1));
        Assert.That(pairs.PartnerOf(4), Is.EqualTo(5));
    }
}
