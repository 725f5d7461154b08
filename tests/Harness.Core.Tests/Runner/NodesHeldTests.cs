using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>Overlapping node faults aim at nodes that are still up: a node another fault holds (killed, stopped)
/// is replaced by the next free node, or left out when none is free; a fault never replaces its own nodes.</summary>
public class NodesHeldTests
{
    private static readonly string[] Three = ["n1", "n2", "n3"];

    [Test]
    public void AHeldNodeIsReplacedByTheNextFreeOne()
    {
        var held = new NodesHeld();
        held.Hold(["n2"], "kill");
        var targets = held.Retarget(["n2"], Three, "stop", out var notes);
        Assert.That(targets, Is.EqualTo(new[] { "n3" }));
        Assert.That(notes.Single(), Does.Contain("n2 is held by kill: aimed at n3"));
        Assert.That(held.Retarget(["n1"], Three, "stop", out var none), Is.EqualTo(new[] { "n1" }));
        Assert.That(none, Is.Empty, "a free node is kept as drawn");
    }

    [Test]
    public void WhenEveryNodeIsHeldTheTargetIsLeftOutAndReleaseFreesOnlyTheOwnersNodes()
    {
        var held = new NodesHeld();
        held.Hold(Three, "kill");
        Assert.That(held.Retarget(["n1", "n2"], Three, "pause", out var notes), Is.Empty);
        Assert.That(notes, Has.Count.EqualTo(2).And.All.Contain("no other node is free"));
        held.Release(["n1"], "pause");
        Assert.That(held.HeldBy("n1"), Is.EqualTo("kill"), "only the fault that took a node gives it back");
        held.Release(["n1"], "kill");
        Assert.That(held.HeldBy("n1"), Is.Null);
        Assert.That(held.Retarget(["n1", "n2"], Three, "kill", out _), Is.EqualTo(new[] { "n1", "n2" }), "a fault may aim at its own nodes");
    }

    [Test]
    public async Task AStopAfterAKillOnTheSameClusterHitsAnotherNodeAndTheKillHealsItsOwn()
    {
        var cluster = new FakeFaultCluster(Three);
        var kill = NodeFaultNemesis.Kill(cluster, cluster, Three);
        var stop = NodeFaultNemesis.Stop(cluster, cluster, Three);
        await kill.InvokeAsync("start-kill", "n1", default);
        var said = await stop.InvokeAsync("start-stop", "n1", default);
        Assert.That(said as string, Does.StartWith("stop n2").And.Contain("n1 is held by kill"));
        Assert.That(cluster.Calls, Does.Contain("sigstop n2").And.Not.Contain("sigstop n1"));
        await kill.InvokeAsync("stop-kill", null, default);
        Assert.That(NodesHeld.Of(cluster).HeldBy("n1"), Is.Null, "healed: free again");
        Assert.That(NodesHeld.Of(cluster).HeldBy("n2"), Is.EqualTo("stop"));
    }
}
