using Harness.Core.Faults;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

public class GrudgeTests
{
    private static readonly string[] Nodes = ["n1", "n2", "n3", "n4", "n5"];

    [Test]
    public void IsolateCutsOneNodeFromAllOthersBothWays()
    {
        var g = Grudge.Isolate(Nodes, "n3");
        Assert.That(g.Drops["n3"], Is.EquivalentTo(new[] { "n1", "n2", "n4", "n5" }));
        foreach (var n in Nodes.Where(n => n != "n3"))
        {
            Assert.That(g.Drops[n], Is.EquivalentTo(new[] { "n3" }));
            Assert.That(g.Connected(n, "n3"), Is.False);
        }
        Assert.That(g.Connected("n1", "n2"), Is.True);
    }

    [Test]
    public void HalvesMakesAMinorityAndAMajority()
    {
        var g = Grudge.Halves(Nodes);
        Assert.That(g.Drops["n1"], Is.EquivalentTo(new[] { "n3", "n4", "n5" }));
        Assert.That(g.Drops["n5"], Is.EquivalentTo(new[] { "n1", "n2" }));
        Assert.That(g.Connected("n1", "n2"), Is.True);
        Assert.That(g.Connected("n2", "n3"), Is.False);
    }

    [Test]
    public void BridgeNodeSeesBothSidesWhichDoNotSeeEachOther()
    {
        var g = Grudge.Bridge(Nodes);
        Assert.That(g.Drops["n3"], Is.Empty);
        Assert.That(g.Connected("n1", "n3") && g.Connected("n5", "n3"), Is.True);
        Assert.That(g.Connected("n1", "n4"), Is.False);
        Assert.That(g.Connected("n2", "n5"), Is.False);
    }

    [Test]
    public void PartitionNemesisReadsTheScheduleShape()
    {
        var g = PartitionNemesis.GrudgeFor(new object?[] { "isolate", "n2" }, Nodes);
        Assert.That(g.Drops["n2"], Has.Count.EqualTo(4));
        var h = PartitionNemesis.GrudgeFor(new object?[] { "halves", "n5", "n4", "n3", "n2", "n1" }, Nodes);
        Assert.That(h.Drops["n5"], Is.EquivalentTo(new[] { "n3", "n2", "n1" }));
    }
}
