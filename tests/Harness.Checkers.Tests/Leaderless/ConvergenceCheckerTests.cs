using Harness.Checkers.Leaderless;
using Harness.Core.Checking;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Leaderless;

public class ConvergenceCheckerTests
{
    private static readonly string[] Primaries = ["n1", "n2", "n3"];

    private static ReplicaSample Sample(string obj, long t, string phase = "heal", params (string Node, string Ts)[] copies) =>
        new(phase, 1, 1000, t, "c", obj, Primaries,
            new[] { "n1", "n2", "n3", "n4" }.ToDictionary(n => n, n => copies.Where(c => c.Node == n).Select(c => (ReplicaCopy?)new ReplicaCopy("v" + c.Ts, c.Ts)).FirstOrDefault()));

    [Test]
    public void ConvergenceTimeIsFromTheHealToTheFirstAgreeingSample()
    {
        ReplicaSample[] samples =
        [
            Sample("a", 1100, "heal", ("n1", "1"), ("n2", "2"), ("n3", "2"), ("n4", "2")),
            Sample("a", 1600, "heal", ("n1", "2"), ("n2", "2"), ("n3", "2")),
            Sample("b", 1100, "heal", ("n1", "1"), ("n2", "1"), ("n3", "1")),
            Sample("c", 1100, "heal", ("n1", "1"), ("n2", "2"), ("n3", "2")),
            Sample("c", 1900, "heal", ("n1", "2"), ("n2", "2"), ("n3", "2")),
        ];
        var r = ConvergenceChecker.Check(samples);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["diverged-at-heal-count"], Is.EqualTo(2L));
        Assert.That(r.Stats["convergence-p50-ms"], Is.EqualTo(600L));
        Assert.That(r.Stats["convergence-max-ms"], Is.EqualTo(900L));
        Assert.That(r.Stats["handoff-object-count"], Is.EqualTo(1L));
    }

    [Test]
    public void AnObjectConvergedBetweenItsLastDisagreeingAndItsFirstAgreeingSample()
    {
        ReplicaSample[] samples =
        [
            Sample("a", 1100, "heal", ("n1", "1"), ("n2", "2"), ("n3", "2")),
            Sample("a", 3000, "heal", ("n1", "1"), ("n2", "2"), ("n3", "2")),
            Sample("a", 9000, "heal", ("n1", "2"), ("n2", "2"), ("n3", "2")),
            Sample("b", 1100, "heal", ("n1", "1"), ("n2", "2"), ("n3", "1")),
            Sample("b", 1500, "heal", ("n1", "2"), ("n2", "2"), ("n3", "2")),
        ];
        var r = ConvergenceChecker.Check(samples);
        Assert.That(r.Stats["convergence-max-ms"], Is.EqualTo(8000L), "a: first agreeing sample 8 s after the heal");
        Assert.That(r.Stats["last-diverged-max-ms"], Is.EqualTo(2000L), "a: still diverged 2 s after the heal, so it converged in (2 s, 8 s]");
        Assert.That(r.Stats["last-diverged-p50-ms"], Is.EqualTo(100L), "b: diverged at 0.1 s, agreed at 0.5 s");
        Assert.That(r.Summary, Does.Contain("last seen diverged p50 100 ms, max 2000 ms"));
    }

    [Test]
    public void ReplicasThatNeverAgreeAreInvalid()
    {
        ReplicaSample[] samples =
        [
            Sample("a", 1100, "heal", ("n1", "1"), ("n2", "2"), ("n3", "2")),
            Sample("a", 1600, "heal", ("n2", "2"), ("n3", "2")),
        ];
        var r = ConvergenceChecker.Check(samples);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["unconverged-count"], Is.EqualTo(1L));
        Assert.That(r.Anomalies.Single().Kind, Is.EqualTo("unconverged"));
    }

    [Test]
    public void APollCutShortByALaterHealIsNotJudgedButOneThatRanOutIs()
    {
        ReplicaSample Heal(int heal, long healMs, long t, params (string Node, string Ts)[] copies) => Sample("a", t, "heal", copies) with { Heal = heal, HealMs = healMs };
        ReplicaSample[] cut =
        [
            Heal(1, 1000, 1100, ("n1", "1"), ("n2", "2"), ("n3", "2")),
            Heal(2, 4000, 4100, ("n1", "2"), ("n2", "2"), ("n3", "2")),
        ];
        var r = ConvergenceChecker.Check(cut, windowMs: 20_000);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["interrupted-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["unconverged-count"], Is.EqualTo(0L));
        Assert.That(r.Summary, Does.Contain("1 not judged"));

        var ranOut = ConvergenceChecker.Check(cut, windowMs: 2_000);
        Assert.That(ranOut.Validity, Is.EqualTo(Validity.Invalid), "the later heal came after a 2 s window had ended");
        Assert.That(ranOut.Stats["unconverged-count"], Is.EqualTo(1L));

        Assert.That(ConvergenceChecker.Check(cut).Stats["unconverged-count"], Is.EqualTo(1L), "no window known: judged as before");

        ReplicaSample[] runEnded =
        [
            Heal(1, 1000, 1100, ("n1", "1"), ("n2", "2"), ("n3", "2")),
            Sample("a", 3000, "final", ("n1", "1"), ("n2", "2"), ("n3", "2")),
        ];
        Assert.That(ConvergenceChecker.Check(runEnded, windowMs: 20_000).Stats["interrupted-count"], Is.EqualTo(1L), "the run ended 2 s into a 20 s window");
    }

    [Test]
    public void NoSamplesIsUnknown() => Assert.That(ConvergenceChecker.Check([]).Validity, Is.EqualTo(Validity.Unknown));

    [Test]
    public void ALineOfTheProbeFileParsesAndFeedsFinalValues()
    {
        const string line = """{"phase":"final","heal":2,"healMs":5,"tMs":9,"container":"register","object":"r12","via":"n1","primaries":["n1","n2","n3"],"copies":{"n1":{"value":"7","ts":"1.5"},"n2":{"value":"7","ts":"1.5"},"n3":{"value":"7","ts":"1.5"},"n4":null,"n5":"?"}}""";
        var s = ReplicaSample.Parse(line)!;
        Assert.That(s.Agrees, Is.True);
        Assert.That(s.Copies.ContainsKey("n5"), Is.False);
        Assert.That(FinalReplicaValues.Of([s], "register", "r"), Is.EqualTo(new Dictionary<long, long?> { [12] = 7 }));
        Assert.That(ReplicaSample.Parse("not json"), Is.Null);
    }
}
