using Harness.Core.Modules;
using Harness.Runner.Faults;
using Harness.Core.Generators;
using Harness.Workloads.Generators;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

public class GeneratorTests
{
    /// <summary>Drives a generator with a simulated clock: each request advances time by <paramref name="stepNs"/>
    /// and rotates through the processes, so the schedule can be compared without a cluster.</summary>
    private static List<string> Simulate(IGenerator g, long seed, int processes = 4, long stepNs = 5_000_000, int max = 2000)
    {
        var random = new Random((int)seed);
        var trace = new List<string>();
        long now = 0;
        for (var i = 0; i < max; i++)
        {
            var step = g.Next(new GenContext(now, i % processes, random) { Processes = Enumerable.Range(0, processes).ToList() });
            if (step.Kind == GenStepKind.Done) break;
            if (step.Kind == GenStepKind.Wait) now = Math.Max(now + 1, step.UntilNs);
            else trace.Add($"{now} {i % processes} {step.F} {Core.History.ValueText.Format(step.Value)}");
            now += stepNs;
        }
        return trace;
    }

    private static IGenerator Schedule() =>
        Gen.TimeLimit(TimeSpan.FromSeconds(5), Gen.Stagger(100, new RegisterGenerator(20)));

    [Test]
    public void SameSeedGivesTheSameSchedule()
    {
        var a = Simulate(Schedule(), 42);
        var b = Simulate(Schedule(), 42);
        Assert.That(a, Is.Not.Empty);
        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void DifferentSeedsGiveDifferentSchedules()
    {
        Assert.That(Simulate(Schedule(), 1), Is.Not.EqualTo(Simulate(Schedule(), 2)));
    }

    [Test]
    public void TimeLimitAndStaggerBoundTheRate()
    {
        var trace = Simulate(Schedule(), 7, stepNs: 1_000_000, max: 100_000);
        // 100 ops/s for 5 s: about 500 operations; stagger's random gaps average 1/rate.
        Assert.That(trace, Has.Count.InRange(350, 650));
        Assert.That(trace.Select(t => long.Parse(t.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)), Has.All.LessThan(5_000_000_000L));
    }

    [Test]
    public void RegisterGeneratorRotatesKeysAndWritesUniqueValuesPerKey()
    {
        var trace = Simulate(Gen.TimeLimit(TimeSpan.FromSeconds(100), new RegisterGenerator(10)), 3, max: 100);
        var keys = trace.Select(t => t.Split(' ')[3].Trim('[')).Distinct().ToList();
        Assert.That(keys, Has.Count.EqualTo(10));
        var writes = trace.Where(t => t.Contains(" write ", StringComparison.Ordinal)).ToList();
        Assert.That(writes.Distinct().Count(), Is.EqualTo(writes.Count));
    }

    [Test]
    public void RegisterGeneratorWithoutCasOnlyReadsAndWrites()
    {
        var with = Simulate(Gen.TimeLimit(TimeSpan.FromSeconds(100), new RegisterGenerator(50)), 3, max: 200);
        var without = Simulate(Gen.TimeLimit(TimeSpan.FromSeconds(100), new RegisterGenerator(50, cas: false)), 3, max: 200);
        Assert.That(with.Count(t => t.Contains(" cas ", StringComparison.Ordinal)), Is.GreaterThan(0));
        Assert.That(without.Count(t => t.Contains(" cas ", StringComparison.Ordinal)), Is.Zero);
        Assert.That(without.Count(t => t.Contains(" write ", StringComparison.Ordinal)), Is.GreaterThan(with.Count(t => t.Contains(" write ", StringComparison.Ordinal))));
    }

    [Test]
    public void EachProcessGivesEveryProcessExactlyOneFinalRead()
    {
        var trace = Simulate(Gen.EachProcess(() => Gen.Once("read", null)), 1, processes: 6, max: 50);
        Assert.That(trace, Has.Count.EqualTo(6));
        Assert.That(trace.Select(t => t.Split(' ')[1]).Distinct().Count(), Is.EqualTo(6));
    }

    [Test]
    public void FaultScheduleAlternatesStartAndStopAndIsSeeded()
    {
        string[] nodes = ["pg1", "pg2", "pg3"];
        IGenerator Make() => Gen.TimeLimit(TimeSpan.FromSeconds(60), FaultSchedule.Build([new(new PartitionFault(), ModuleOptions.Empty), new(new KillFault(), ModuleOptions.Empty)], nodes, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));
        var a = Simulate(Make(), 9, stepNs: 100_000_000, max: 10_000);
        Assert.That(a, Is.EqualTo(Simulate(Make(), 9, stepNs: 100_000_000, max: 10_000)));
        Assert.That(a, Has.Count.InRange(8, 14));
        for (var i = 0; i < a.Count; i++)
            Assert.That(a[i].Split(' ')[2], Does.StartWith(i % 2 == 0 ? "start-" : "stop-"), a[i]);
    }
}
