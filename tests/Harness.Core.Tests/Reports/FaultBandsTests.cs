using Harness.Core.History;
using Harness.Reports.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>Fault windows from hand-made nemesis ops: shaded from the invoke, in effect from the completion, healing
/// from the stop invoke; phases read from the structured value; moments located in their phase.</summary>
public class FaultBandsTests
{
    private static Op Nemesis(long ms, OpType type, string f, object? value = null) => new(0, ms * 1_000_000, type, Op.NemesisProcess, f, value);

    private static readonly IReadOnlyList<Op> PartitionFailover =
    [
        Nemesis(5010, OpType.Invoke, "start-partition-failover"),
        new Op(1, 5_500_000_000, OpType.Ok, 0, "add", 1L),
        Nemesis(8960, OpType.Info, "start-partition-failover", SampleScenario.Structured("pg1 cut off, then failover", ["pg1"],
            SampleScenario.Isolate("pg1", "pg2", "pg3"),
            SampleScenario.Phase("isolation", 5.02, 8.02, "pg1"), SampleScenario.Phase("kill", 8.02, 8.3, "pg1"),
            SampleScenario.Phase("promotion", 8.3, 8.8, "pg2"), SampleScenario.Phase("writable", 8.8, 8.9, "pg2"))),
        Nemesis(14000, OpType.Invoke, "stop-partition-failover"),
        Nemesis(14580, OpType.Info, "stop-partition-failover", "network healed"),
        new Op(5, 20_000_000_000, OpType.Ok, 0, "add", 2L),
    ];

    [Test]
    public void WindowRunsFromInvokeThroughCompletionToHealWithItsPhases()
    {
        var w = FaultWindow.From(PartitionFailover).Single();
        Assert.That((w.InvokedNs, w.InEffectNs, w.StopInvokedNs, w.HealedNs), Is.EqualTo((5_010_000_000L, 8_960_000_000L, 14_000_000_000L, 14_580_000_000L)));
        Assert.That(w.StartNs, Is.EqualTo(w.InvokedNs), "the shading starts at the invoke, not the completion");
        Assert.That(w.Description, Is.EqualTo("pg1 cut off, then failover"));
        Assert.That(w.Phases.Select(p => p.Name), Is.EqualTo(new[] { "isolation", "kill", "promotion", "writable" }));
        Assert.That(w.Nodes, Is.EqualTo(new[] { "pg1" }));
        Assert.That(w.Fields.ContainsKey("grudge"), Is.True);
        var parts = FaultBands.Parts(w);
        Assert.That(parts.Select(p => p.Part), Is.EqualTo(new[] { "applying", "in-effect", "healing" }));
        Assert.That(parts[0].StartNs, Is.EqualTo(5_010_000_000L));
        Assert.That(parts[^1].EndNs, Is.EqualTo(14_580_000_000L));
    }

    [Test]
    public void InfoOnlyHistoriesAndUnfinishedFaultsStillGiveWindows()
    {
        var infoOnly = FaultWindow.From([Nemesis(5000, OpType.Info, "start-kill", "kill pg2"), Nemesis(9000, OpType.Info, "stop-kill", "ok")]).Single();
        Assert.That((infoOnly.InvokedNs, infoOnly.InEffectNs, infoOnly.StopInvokedNs), Is.EqualTo((5_000_000_000L, 5_000_000_000L, 9_000_000_000L)));
        Assert.That(FaultBands.Parts(infoOnly).Select(p => p.Part), Is.EqualTo(new[] { "in-effect" }));
        var stuck = FaultWindow.From([Nemesis(3000, OpType.Invoke, "start-pause"), Nemesis(7000, OpType.Info, "heal-all")]).Single();
        Assert.That((stuck.InvokedNs, stuck.InEffectNs, stuck.HealedNs), Is.EqualTo((3_000_000_000L, 7_000_000_000L, 7_000_000_000L)),
            "invoked and never completed: applying until the end");
        var failed = FaultWindow.From([Nemesis(1000, OpType.Invoke, "start-partition-failover"),
            new Op(1, 1_200_000_000, OpType.Info, Op.NemesisProcess, "start-partition-failover", null, null, "no primary to cut off")]).Single();
        Assert.That(failed.Description, Is.EqualTo("failed: no primary to cut off"));
    }

    [Test]
    public void MomentsFallInTheirPhaseAndTheSummarySaysWhere()
    {
        var faults = FaultWindow.From(PartitionFailover);
        Assert.That(FaultMoment.At(faults, 6_000_000_000).Key, Is.EqualTo("partition-failover: isolation"));
        Assert.That(FaultMoment.At(faults, 8_500_000_000).Key, Is.EqualTo("partition-failover: promotion"));
        Assert.That(FaultMoment.At(faults, 5_015_000_000).Key, Is.EqualTo("partition-failover: applying"), "before isolation began");
        Assert.That(FaultMoment.At(faults, 12_000_000_000).Key, Is.EqualTo("partition-failover: in effect"));
        Assert.That(FaultMoment.At(faults, 14_200_000_000).Key, Is.EqualTo("partition-failover: healing"));
        Assert.That(FaultMoment.At(faults, 2_000_000_000), Is.EqualTo(FaultMoment.Normal));
        var moments = new long[] { 5_500_000_000, 6_000_000_000, 7_900_000_000, 20_000_000_000 }.Select(t => FaultMoment.At(faults, t));
        Assert.That(FaultMoment.Summary(4, "lost", "acknowledged", moments),
            Is.EqualTo("4 lost: 3 acknowledged while pg1 was cut off from its standbys, 1 acknowledged outside any fault"));
    }
}
