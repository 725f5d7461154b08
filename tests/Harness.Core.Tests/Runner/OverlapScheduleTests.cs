using Harness.Core.Generators;
using Harness.Core.Modules;
using Harness.Runner.Faults;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>The overlap nemesis mode: every fault on its own seeded start/stop cycle, interleaved.</summary>
public class OverlapScheduleTests
{
    private static readonly string[] Nodes = ["pg1", "pg2", "pg3"];

    private static List<(long T, string F)> Run(long seed)
    {
        FaultSchedule.Entry[] entries = [new(new PartitionFault(), ModuleOptions.Empty), new(new KillFault(), ModuleOptions.Empty), new(new ClockFault(), ModuleOptions.Empty)];
        var g = Gen.TimeLimit(TimeSpan.FromSeconds(120), FaultSchedule.Overlapping(entries, Nodes, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));
        var random = new Random((int)seed);
        var trace = new List<(long, string)>();
        long now = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var step = g.Next(new GenContext(now, -1, random));
            if (step.Kind == GenStepKind.Done) break;
            if (step.Kind == GenStepKind.Wait) now = Math.Max(now + 1, step.UntilNs);
            else trace.Add((now, step.F));
            now += 1_000_000;
        }
        return trace;
    }

    [Test]
    public void EachFaultAlternatesStartAndStopOnItsOwn()
    {
        var trace = Run(11);
        foreach (var fault in new[] { "partition", "kill", "clock" })
        {
            var own = trace.Where(t => t.F.EndsWith("-" + fault, StringComparison.Ordinal)).Select(t => t.F).ToList();
            Assert.That(own, Has.Count.GreaterThanOrEqualTo(6), fault);
            for (var i = 0; i < own.Count; i++)
                Assert.That(own[i], Is.EqualTo((i % 2 == 0 ? "start-" : "stop-") + fault));
        }
    }

    [Test]
    public void SeveralFaultsAreInForceAtOnceSometimes()
    {
        var active = new HashSet<string>();
        var maxActive = 0;
        foreach (var (_, f) in Run(11))
        {
            if (f.StartsWith("start-", StringComparison.Ordinal)) active.Add(f[6..]);
            else active.Remove(f[5..]);
            maxActive = Math.Max(maxActive, active.Count);
        }
        Assert.That(maxActive, Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void TheScheduleIsSeeded()
    {
        var first = Run(4);
        Assert.That(Run(4), Is.EqualTo(first));
        Assert.That(Run(5), Is.Not.EqualTo(first));
    }
}
