using Harness.Checkers.Leaderless;
using Harness.Core.Checking;
using Harness.Integration.Tests.Runs;
using NUnit.Framework;

namespace Harness.Integration.Tests.Swift;

/// <summary>Whole runs (<c>harness run --database swift</c>) of register and set on a real 5-node Swift cluster, and
/// last-writer-wins with and without one proxy's clock 5 s behind.</summary>
[TestFixture]
[Category("Docker")]
[Explicit("Left out of CI, which would pass its 45 min with it: on a quiet machine (2026-12-02 07:18, load < 1) the four tests took 1 min 12 s - 1 min 37 s each, 5.5 min in all, and passed; at load 50-80 (2026-12-01) a 5-node cluster took 7-8.5 min to start. Run with --filter FullyQualifiedName~SwiftRunTests")]
[NonParallelizable]
public sealed class SwiftRunTests
{
    [Test]
    public async Task RegisterRunsThroughEveryProxyAndIsChecked()
    {
        var run = await RunFixture.RunAsync(SwiftRuns.Spec("it-swift-register", "register", 15).WithDatabaseOption("coordinator", "random"));

        var served = run.History.Ops.Where(o => o.IsOk && !o.IsNemesis).ToList();
        Assert.That(served.Count(o => o.F == "write"), Is.GreaterThan(20), "acknowledged writes");
        Assert.That(served.Count(o => o.F == "read"), Is.GreaterThan(20), "reads");
        Assert.That(served.Select(o => o.Node).Distinct().Count(), Is.EqualTo(5), "every proxy coordinated something");
        Assert.That(run.Checker("linearizability").Validity, Is.Not.EqualTo(Validity.Unknown), run.Checker("linearizability").Summary);
        Assert.That(SwiftRuns.Log(run).Samples.Any(s => s.Phase == "final"), Is.True, "final replica samples in convergence.jsonl");
        Assert.That(Directory.GetFiles(Path.Combine(run.Directory, "logs"), "*-swift.log"), Has.Length.EqualTo(5), "swift server logs");
        var convergence = run.Checker("convergence");
        Assert.That(convergence.Stats["objects-probed"], Is.GreaterThan(0L), convergence.Summary);
        Assert.That(run.Checker("lww-loss").Validity, Is.Not.EqualTo(Validity.Unknown), "the leaderless checkers ran in the run itself");
        Assert.That(run.Report, Does.Contain("Replica placement"), "the placement table is in the report");
    }

    [Test]
    public async Task SetWithoutFaultsLosesNothing()
    {
        var run = await RunFixture.RunAsync(SwiftRuns.Spec("it-swift-set", "set", 15));

        var set = run.Checker("set");
        Assert.That(set.Stats["acknowledged-count"], Is.GreaterThan(50L), set.Summary);
        Assert.That(set.Stats["final-read-count"], Is.EqualTo(5L), set.Summary);
        Assert.That(set.Stats["lost-count"], Is.EqualTo(0L), set.Summary);
        Assert.That(set.Validity, Is.EqualTo(Validity.Valid), set.Summary);
        Assert.That(run.Checker("convergence").Stats["unconverged-count"], Is.EqualTo(0L));
    }

    /// <summary>Many short-lived keys (6 operations each), so a write through the slow proxy is often a key's last.</summary>
    [Test]
    public async Task AProxyFiveSecondsBehindLosesAcknowledgedWrites()
    {
        var test = SwiftRuns.Spec("it-swift-lww-skew", "register", 30).WithWorkloadOption("ops-per-key", "6")
            .WithDatabaseOption("coordinator", "random").WithDatabaseOption("proxy-clock-offset", "swift3:-5").WithDatabaseOption("probe-objects", "300");
        var run = await RunFixture.RunAsync(test);

        var lww = run.Checker("lww-loss");
        TestContext.Out.WriteLine(lww.Summary);
        Assert.That(lww.Stats["lww-lost-count"], Is.GreaterThan(0L), lww.Summary);
        Assert.That(lww.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(lww.Anomalies[0].Explanation, Does.Contain("via swift3 (clock -5 s)"));
        Assert.That(run.Checker("linearizability").Validity, Is.EqualTo(Validity.Invalid), "a lost acknowledged write is not linearizable");
        // Re-checked nightly run (2026-12-02, seed 11, one process per key): 36 writes via swift3 answered 202, none stored.
        var accepted = run.Checker("accepted-writes");
        Assert.That(accepted.Stats["accepted-not-stored-count"], Is.GreaterThan(0L), accepted.Summary);
        Assert.That(accepted.Anomalies.Select(a => a.Explanation), Has.All.Contains("via swift3"),
            "a write refused in favour of one that finished before it began went through the proxy whose clock is behind");
    }

    [Test]
    public async Task WithoutSkewNoWriteIsLostToAnEarlierOne()
    {
        var run = await RunFixture.RunAsync(SwiftRuns.Spec("it-swift-lww-noskew", "register", 20).WithWorkloadOption("ops-per-key", "6")
            .WithDatabaseOption("coordinator", "random").WithDatabaseOption("probe-objects", "300"));

        var lww = run.Checker("lww-loss");
        TestContext.Out.WriteLine(lww.Summary);
        Assert.That(lww.Stats["acknowledged-count"], Is.GreaterThan(20L), lww.Summary);
        Assert.That(lww.Stats["lww-lost-count"], Is.EqualTo(0L), lww.Summary);
        Assert.That(lww.Validity, Is.EqualTo(Validity.Valid), lww.Summary);
        Assert.That(run.Checker("accepted-writes").Stats["accepted-lost-count"], Is.EqualTo(0L), run.Checker("accepted-writes").Summary);
    }
}
