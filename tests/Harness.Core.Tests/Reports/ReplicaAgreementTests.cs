using System.Globalization;
using Harness.Checkers.Leaderless;
using Harness.Core.History;
using Harness.Reports;
using Harness.Reports.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>The replica-agreement plot of leaderless runs, on the synthetic run (partition 5-12 s, kill 20-24 s) with a
/// hand-made <c>convergence.jsonl</c>: wall-clock time zero is <see cref="Zero"/>; after the first heal 2, then 3, then 4 of
/// 4 objects agree; after the second all 4 agree at once; after the run all 4.</summary>
public class ReplicaAgreementTests
{
    private const long Zero = 1_800_000_000_000;
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("harness-agreement-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    /// <summary>One probe round: objects r0..r3, the first <paramref name="agreeing"/> on all three primaries, the rest missing one.</summary>
    private static IEnumerable<string> Round(string phase, int heal, long healMs, long tMs, int agreeing) =>
        Enumerable.Range(0, 4).Select(i =>
        {
            var third = i < agreeing ? "{\"value\":\"1\",\"ts\":\"100.5\"}" : "null";
            var copies = "{\"s1\":{\"value\":\"1\",\"ts\":\"100.5\"},\"s2\":{\"value\":\"1\",\"ts\":\"100.5\"},\"s3\":" + third + ",\"s4\":null}";
            return string.Create(CultureInfo.InvariantCulture, $"{{\"phase\":\"{phase}\",\"heal\":{heal},\"healMs\":{Zero + healMs},\"tMs\":{Zero + tMs},") +
                   $"\"container\":\"register\",\"object\":\"r{i}\",\"primaries\":[\"s1\",\"s2\",\"s3\"],\"copies\":{copies}}}";
        });

    private string Run(params IEnumerable<string>[] rounds)
    {
        var dir = SyntheticRun.Create(_root);
        if (rounds.Length > 0)
            File.WriteAllLines(Path.Combine(dir, "convergence.jsonl"), rounds.SelectMany(r => r).Prepend("""{"phase":"cluster","nodes":["s1","s2","s3","s4"]}"""));
        return dir;
    }

    private string Healed() => Run(
        Round("heal", 1, 11_995, 12_300, 2), Round("heal", 1, 11_995, 12_700, 3), Round("heal", 1, 11_995, 13_100, 4),
        Round("heal", 2, 23_990, 24_300, 4), Round("final", 2, 23_990, 45_000, 4));

    [Test]
    public void EachProbeRoundIsAPointOnTheRunsTimeAxis()
    {
        var run = RunData.Load(Healed());
        var points = run.Agreement;
        Assert.That(points.Select(p => p.Phase), Is.EqualTo(new[] { "heal", "heal", "heal", "heal", "final" }));
        Assert.That(points.Select(p => p.Percent), Is.EqualTo(new[] { 50.0, 75.0, 100.0, 100.0, 100.0 }));
        Assert.That(points.Select(p => p.Seconds), Is.EqualTo(new[] { 12.3, 12.7, 13.1, 24.3, 45.0 }).Within(0.01), "aligned on the windows' ends");
        Assert.That(points[3].HealSeconds, Is.EqualTo(24.0).Within(0.02));
    }

    [Test]
    public void TheReportPlotsAgreementAndSaysHowLongEachHealTook()
    {
        var html = HtmlReport.Render(Healed());
        Assert.That(html, Does.Contain("data-plot=\"replica-agreement\""));
        Assert.That(html, Does.Contain("Heal 1 at 12.0 s: 2 of 4 probed objects disagreed; all agreed 1.1 s after the heal; " +
                                       "heal 2 at 24.0 s: 0 of 4 probed objects disagreed; all agreed at once; after the run, 4 of 4 agreed."));
    }

    [Test]
    public void ARunWithoutReplicaSamplesHasNoAgreementPlotOrNote()
    {
        var html = HtmlReport.Render(Run());
        Assert.That(html, Does.Not.Contain("replica-agreement"));
        Assert.That(html, Does.Not.Contain("data-kind=\"agreement\""));
    }

    [Test]
    public void SamplesOnlyAfterTheRunGiveANoteInsteadOfAPlot()
    {
        var html = HtmlReport.Render(Run(Round("final", 0, 0, 45_000, 3)));
        Assert.That(html, Does.Not.Contain("data-plot=\"replica-agreement\""));
        Assert.That(html, Does.Contain("no agreement over time to plot"));
    }

    [Test]
    public void HealsAlignOnTheWindowEndsThatFitThemAll()
    {
        static FaultWindow Window(string fault, double start, double end) => new(fault, (long)(start * 1e9), (long)(end * 1e9), null);
        var faults = new[] { Window("clock", 2, 12), Window("partition", 15, 24), Window("kill", 30, 40) };
        var zero = ConvergenceClock.ZeroMs([(1, Zero + 23_990), (2, Zero + 39_990)], faults);
        Assert.That(zero, Is.EqualTo((double)(Zero - 10)).Within(0.5), "the heals belong to the partition and the kill, not to the clock fault's end");
        var recovery = new[] { Window("kill-recovery", 2, 12), Window("partition", 15, 24) };
        Assert.That(ConvergenceClock.ZeroMs([(1, Zero + 5_000), (2, Zero + 11_990), (3, Zero + 23_990)], recovery), Is.EqualTo((double)(Zero - 10)).Within(0.5),
            "a restart in the middle of a window does not pull the others off their window ends");
        Assert.That(ConvergenceClock.ZeroMs([], faults), Is.Null);
        Assert.That(ConvergenceClock.ZeroMs([(1, Zero)], []), Is.Null);
    }

    [Test]
    public void ALoneHealGoesOnTheWindowEndItsNumberNames()
    {
        // Unix ms near 1.8e12 minus window ends in ms are not exact in doubles: every window end fits one heal "equally".
        var faults = new[] { new FaultWindow("partition", 4_002_750_047, 13_060_676_934, null), new FaultWindow("partition", 17_062_658_499, 26_652_728_785, null) };
        Assert.That((Zero + 13_060 - ConvergenceClock.ZeroMs([(1, Zero + 13_060)], faults)!.Value) / 1000, Is.EqualTo(13.06).Within(0.01));
        Assert.That((Zero + 13_060 - ConvergenceClock.ZeroMs([(2, Zero + 13_060)], faults)!.Value) / 1000, Is.EqualTo(26.65).Within(0.01));
    }

    [Test]
    public void AnObjectMissingOnAPrimaryDoesNotAgree()
    {
        var log = ReplicaLog.Parse(Round("heal", 1, 0, 1, 1));
        Assert.That(log.Samples.Select(s => s.Agrees), Is.EqualTo(new[] { true, false, false, false }));
    }
}
