using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Runner.Faults;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>The standby-down fault never aims at the primary, whichever node that is, and the same seed picks the same standby.</summary>
public class StandbyDownFaultTests
{
    private static readonly string[] Three = ["pg1", "pg2", "pg3"];

    [Test]
    public void ThePickIsAlwaysAStandby()
    {
        foreach (var primary in Three)
            for (var index = 0; index < 5; index++)
            {
                var node = StandbyDownFault.Pick(Three, primary, (long)index);
                Assert.That(node, Is.Not.EqualTo(primary).And.AnyOf(Three));
            }
        Assert.That(StandbyDownFault.Pick(Three, "pg1", 1L), Is.EqualTo("pg3"));
        Assert.That(StandbyDownFault.Pick(Three, "pg2", 0L), Is.EqualTo("pg1"));
        Assert.That(() => StandbyDownFault.Pick(["pg1"], "pg1", 0L), Throws.InvalidOperationException);
    }

    [Test]
    public void TheScheduleDrawsFromTheSeedAndTheOptionIsChecked()
    {
        var fault = new StandbyDownFault();
        var a = Enumerable.Range(0, 6).Select(_ => fault.Target(Three, ModuleOptions.Empty, new Random(9))).ToList();
        Assert.That(a.Distinct().Count(), Is.EqualTo(1));
        var spec = new TestSpec { Database = "postgres", Workload = "set", Nemesis = ["standby-down"] };
        Assert.That(HarnessModules.Registry.Resolve(spec).FaultOptions["standby-down"]["how"], Is.EqualTo("kill"));
        Assert.That(() => HarnessModules.Registry.Resolve(spec.WithFaultOption("standby-down", "how", "explode")), Throws.InstanceOf<InvalidSpecException>());
    }

    [Test]
    public void ACascadeRefusesFailoversAndSyncNamesOnlyTheFirstHop()
    {
        var spec = new TestSpec { Database = "postgres", Workload = "set", Nemesis = ["failover"] }.WithDatabaseOption("topology", "cascade");
        Assert.That(() => HarnessModules.Registry.Resolve(spec), Throws.InstanceOf<InvalidSpecException>().With.Message.Contains("cascade"));
        Assert.That(HarnessModules.Registry.Resolve(spec with { Nemesis = ["delay"] }).DatabaseOptions["topology"], Is.EqualTo("cascade"));
        var options = new Harness.Workloads.Postgres.PostgresClusterOptions(3, "sync", "unit") { Topology = "cascade" };
        Assert.That(options.SynchronousStandbyNames(), Is.EqualTo("FIRST 1 (pg2)"));
        Assert.That((options with { Topology = "star" }).SynchronousStandbyNames(), Is.EqualTo("FIRST 2 (pg2, pg3)"));
    }
}
