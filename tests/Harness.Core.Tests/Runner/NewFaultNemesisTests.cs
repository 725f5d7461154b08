using Harness.Core.Faults;
using Harness.Core.Modules;
using Harness.Runner.Faults;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>Clock, packet, one-way and disk nemeses against a recording fake cluster.</summary>
public class NewFaultNemesisTests
{
    private static readonly string[] Three = ["n1", "n2", "n3"];

    [Test]
    public async Task ClockBumpRecordsEveryNodesOffsetAndStopResetsThem()
    {
        var cluster = new FakeFaultCluster(Three);
        var nemesis = new ClockNemesis(cluster, Three, cluster, TimeSpan.FromSeconds(4));
        var started = (IReadOnlyDictionary<string, object?>)(await nemesis.InvokeAsync("start-clock", new object?[] { "bump", "n2", -60.0 }, default))!;
        Assert.That(started["clock"], Is.EqualTo("bump n2 by -60 s"));
        var offsets = (IReadOnlyDictionary<string, object?>)started["offsets"]!;
        Assert.That(offsets["n2"], Is.EqualTo(-60.0));
        Assert.That(offsets["n1"], Is.EqualTo(0.0));
        var stopped = (IReadOnlyDictionary<string, object?>)(await nemesis.InvokeAsync("stop-clock", null, default))!;
        Assert.That(((IReadOnlyDictionary<string, object?>)stopped["offsets"]!)["n2"], Is.EqualTo(0.0));
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "bump n2 -60", "reset clocks" }));
    }

    [Test]
    public async Task ClockStrobeAndSkewReachTheCluster()
    {
        var cluster = new FakeFaultCluster(Three) { Primary = "n3" };
        var nemesis = new ClockNemesis(cluster, Three, cluster, TimeSpan.FromSeconds(4));
        await nemesis.InvokeAsync("start-clock", new object?[] { "strobe", "primary", 0.2, 10L }, default);
        await nemesis.InvokeAsync("start-clock", new object?[] { "skew", "n1", 1.5 }, default);
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "strobe n3 0.2 10 4", "skew n1 1.5" }));
        Assert.ThrowsAsync<ArgumentException>(() => nemesis.InvokeAsync("start-clock", new object?[] { "wobble", "n1", 1.0 }, default));
    }

    [Test]
    public void ClockFaultTargetsAreSeededAndUseTheOptions()
    {
        var fault = new ClockFault();
        var options = ModuleOptions.Of(("modes", "bump"), ("bump-ms", "5000"));
        var a = fault.Target(Three, options, new Random(7));
        var b = fault.Target(Three, options, new Random(7));
        Assert.That(b, Is.EqualTo(a));
        var v = (object?[])a!;
        Assert.That(v[0], Is.EqualTo("bump"));
        Assert.That(Math.Abs((double)v[2]!), Is.EqualTo(5.0));
    }

    [Test]
    public async Task PacketFaultsHitANodeOrOneLinkAndClearIndependently()
    {
        var cluster = new FakeFaultCluster(Three);
        var fault = new PacketFault { LossPercent = 20, CorruptPercent = 5 };
        var nemesis = new PacketNemesis(cluster, Three, cluster, fault);
        await nemesis.InvokeAsync("start-packet", new object?[] { "node", "n2" }, default);
        await nemesis.InvokeAsync("start-packet", new object?[] { "link", "n1", "n3" }, default);
        await nemesis.InvokeAsync("stop-packet", null, default);
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "packet n2 from all: loss 20%, corrupt 5%", "packet n3 from n1: loss 20%, corrupt 5%", "clear packets" }));
    }

    [Test]
    public void PacketFaultOptionsAreChecked()
    {
        Assert.That(new PacketFault { ReorderPercent = 10 }.Problem(), Does.Contain("needs a delay"));
        Assert.That(new PacketFault { LossPercent = 120 }.Problem(), Is.Not.Null);
        Assert.That(new PacketFault { DelayMs = 20, JitterMs = 5, Distribution = "normal", ReorderPercent = 10 }.Problem(), Is.Null);
        Assert.That(new PacketFault { DelayMs = 50, JitterMs = 10, Distribution = "normal", RateKbit = 512 }.ToString(),
            Is.EqualTo("delay 50±10 ms normal, rate 512 kbit/s"));
    }

    [Test]
    public async Task OneWayPartitionDeafensTheTargetOnly()
    {
        var cluster = new FakeFaultCluster(Three) { Primary = "n2" };
        var nemesis = new OneWayPartitionNemesis(cluster, Three, cluster);
        Assert.That(await nemesis.InvokeAsync("start-partition-one-way", "primary", default), Is.EqualTo("one-way: n2 drops packets from n1/n3"));
        await nemesis.HealAllAsync(default);
        Assert.That(cluster.Calls[^1], Is.EqualTo("heal one-way"));
    }

    [Test]
    public async Task DiskFullFillsTheTargetAndStopFreesEverything()
    {
        var cluster = new FakeFaultCluster(Three);
        var nemesis = new DiskNemesis(cluster, Three, cluster);
        Assert.That(await nemesis.InvokeAsync("start-disk-full", "n3", default), Is.EqualTo("filled n3"));
        await nemesis.InvokeAsync("stop-disk-full", null, default);
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "fill n3", "free disks" }));
    }
}
