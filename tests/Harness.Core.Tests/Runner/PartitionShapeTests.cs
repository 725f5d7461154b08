using Harness.Core.Faults;
using Harness.Core.Modules;
using Harness.Runner.Faults;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>The partition shapes as pure functions: who can still talk to whom.</summary>
public class PartitionShapeTests
{
    private static readonly string[] Five = ["n1", "n2", "n3", "n4", "n5"];

    private static HashSet<string> Sees(Grudge g, string node, IEnumerable<string> nodes) =>
        nodes.Where(n => n == node || g.Connected(node, n)).ToHashSet();

    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    [TestCase(7)]
    [TestCase(9)]
    public void MajoritiesRingGivesEveryNodeADifferentMajority(int n)
    {
        var nodes = Enumerable.Range(1, n).Select(i => $"n{i}").ToList();
        var g = Grudge.MajoritiesRing(nodes);
        var views = nodes.Select(x => Sees(g, x, nodes)).ToList();
        foreach (var view in views) Assert.That(view, Has.Count.GreaterThan(n / 2), "each node sees a majority");
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                Assert.That(views[i].SetEquals(views[j]), Is.False, $"n{i + 1} and n{j + 1} see the same majority");
        Assert.That(nodes.Any(x => g.Drops[x].Count > 0), Is.True, "something is cut");
    }

    [Test]
    public void MajoritiesRingOnFiveNodesKeepsRingNeighbours()
    {
        var g = Grudge.MajoritiesRing(Five);
        Assert.That(g.Drops["n1"], Is.EquivalentTo(new[] { "n3", "n4" }));
        Assert.That(g.Drops["n3"], Is.EquivalentTo(new[] { "n1", "n5" }));
        Assert.That(g.Connected("n1", "n5"), Is.True);
    }

    [Test]
    public void MajoritiesRingOnThreeNodesCutsOneLink()
    {
        string[] three = ["a", "b", "c"];
        var g = Grudge.MajoritiesRing(three);
        Assert.That(g.Connected("a", "b"), Is.False);
        Assert.That(g.Connected("a", "c") && g.Connected("b", "c"), Is.True);
        Assert.That(() => Grudge.MajoritiesRing(["a", "b"]), Throws.ArgumentException);
    }

    [TestCase(3, 1)]
    [TestCase(5, 1)]
    [TestCase(7, 2)]
    [TestCase(9, 2)]
    public void MinorityThirdCutsOffFewerThanAThird(int n, int cut)
    {
        var nodes = Enumerable.Range(1, n).Select(i => $"n{i}").ToList();
        var g = Grudge.MinorityThird(nodes);
        var minority = Sees(g, "n1", nodes);
        Assert.That(minority, Has.Count.EqualTo(cut));
        Assert.That(Sees(g, nodes[^1], nodes), Has.Count.EqualTo(n - cut));
    }

    [Test]
    public void OneWayDropsOnlyInbound()
    {
        var g = Grudge.OneWayInto(Five, "n2");
        Assert.That(g.OneWay, Is.True);
        Assert.That(g.Reaches("n1", "n2"), Is.False, "n2 does not hear n1");
        Assert.That(g.Reaches("n2", "n1"), Is.True, "n1 still hears n2");
        Assert.That(g.Connected("n1", "n2"), Is.False);
        Assert.That(g.Connected("n1", "n3"), Is.True);
        Assert.That(g.ToString(), Does.Contain("n2 drops packets from n1/n3/n4/n5"));
    }

    [Test]
    public void TwoWayGrudgesCutBothDirections()
    {
        var g = Grudge.Isolate(Five, "n4");
        Assert.That(g.Reaches("n4", "n1") || g.Reaches("n1", "n4"), Is.False);
    }

    [Test]
    public void ShapesByNameFollowTheOrder()
    {
        string[] order = ["n3", "n1", "n5", "n2", "n4"];
        Assert.That(PartitionShape.For("primary", Five, order).Drops["n3"], Has.Count.EqualTo(4));
        Assert.That(PartitionShape.For("random-halves", Five, order).Drops["n3"], Is.EquivalentTo(new[] { "n5", "n2", "n4" }));
        Assert.That(PartitionShape.For("minority-third", Five, order).Drops["n3"], Has.Count.EqualTo(4));
        Assert.That(PartitionShape.For("bridge", Five, order).Drops["n5"], Is.Empty);
        Assert.That(PartitionShape.For("one-way", Five, order).OneWay, Is.True);
        Assert.That(() => PartitionShape.For("triangle", Five, order), Throws.ArgumentException);
    }

    [Test]
    public void PartitionFaultDrawsOnlyTheConfiguredShapesAndRecordsThem()
    {
        var fault = new PartitionFault();
        var options = ModuleOptions.Of(("shapes", "majorities-ring,minority-third"));
        var random = new Random(3);
        var seen = Enumerable.Range(0, 40).Select(_ => (object?[])fault.Target(Five, options, random)!).ToList();
        Assert.That(seen.Select(v => v[0]).Distinct(), Is.EquivalentTo(new[] { "majorities-ring", "minority-third" }));
        Assert.That(seen.All(v => v.Skip(1).OfType<string>().Order().SequenceEqual(Five)), Is.True, "the value carries a full node order");
        Assert.That(() => fault.Target(Five, ModuleOptions.Of(("shapes", "square")), random), Throws.ArgumentException);
    }

    [Test]
    public void ShapesThatNeedThreeNodesAreSkippedOnTwo()
    {
        var fault = new PartitionFault();
        var random = new Random(5);
        var shapes = Enumerable.Range(0, 50).Select(_ => ((object?[])fault.Target(["a", "b"], ModuleOptions.Empty, random)!)[0]).Distinct().ToList();
        Assert.That(shapes, Does.Not.Contain("majorities-ring").And.Not.Contain("bridge"));
    }
}
