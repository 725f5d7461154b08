using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Integration.Tests.Runs;

/// <summary>
/// Whole runs with the failover and delay faults. The article's scenario: with asynchronous replication a
/// standby lags, the primary dies, the standby is promoted, and the writes the old primary had acknowledged but
/// not yet shipped are gone; the set checker must report them lost. With synchronous replication (FIRST n) every
/// acknowledged write is on the promoted standby, and none may be lost.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class FailoverAndDelayRunTests
{
    private static TestSpec SetRun(string name, string replication) => (RunFixture.Short(name, "set") with
    {
        TimeLimitSeconds = 22,
        Rate = 80,
        Seed = 11,
    }).WithDatabaseOption("replication", replication);

    [Test]
    public async Task SetWorkloadUnderRepeatedFailoversReportsItsCounts()
    {
        var run = await RunFixture.RunAsync(SetRun("it-set-failover", "async") with { Nemesis = ["failover"], TimeLimitSeconds = 25 });

        var failovers = run.History.Ops.Where(o => o.IsNemesis && o.Type == OpType.Info && o.F == "start-failover").ToList();
        var rejoins = run.History.Ops.Where(o => o.IsNemesis && o.Type == OpType.Info && o.F == "stop-failover").ToList();
        Assert.That(failovers, Is.Not.Empty);
        Assert.That(rejoins.Count, Is.EqualTo(failovers.Count));
        foreach (var op in failovers.Concat(rejoins))
        {
            TestContext.Progress.WriteLine($"{op.F}: {op.Value} {op.Error}");
            Assert.That(op.Error, Is.Null, $"{op.F} failed: {op.Error}");
        }
        Assert.That(ValueText.Format(failovers[0].Value), Does.Contain("killed pg1").And.Contain("promoted"));
        var set = SetResult(run);
        Assert.That(set.Validity, Is.Not.EqualTo(Validity.Unknown), set.Summary);
        Assert.That(set.Stats["acknowledged-count"], Is.GreaterThan(100L));
        Assert.That(set.Stats["final-read-count"], Is.GreaterThanOrEqualTo(3L), "a final read from every node, the rejoined one included");
        foreach (var key in new[] { "ok-count", "lost-count", "unexpected-count", "recovered-count" })
            Assert.That(set.Stats.ContainsKey(key), key);
        TestContext.Progress.WriteLine($"async set under failover: {set.Summary}");
    }

    [Test]
    public async Task AsyncReplicationLosesAcknowledgedWritesWhenALaggingStandbyIsPromoted()
    {
        var run = await ScriptedFaultRun.RunAsync(SetRun("it-set-async-lag-failover", "async"), ScriptedFaultRun.LaggingStandbysThenFailover());

        var set = SetResult(run);
        TestContext.Progress.WriteLine($"async + lagging standbys + failover: {set.Summary}; {Stats(set)}");
        foreach (var op in run.History.Ops.Where(o => o.IsNemesis && o.Type == OpType.Info)) TestContext.Progress.WriteLine($"  {op.F}: {ValueText.Format(op.Value)}");
        Assert.That(NemesisErrors(run.History), Is.Empty);
        Assert.That(set.Stats["lost-count"], Is.GreaterThan(0L), "acknowledged writes not yet on the promoted standby are lost");
        Assert.That(set.Validity, Is.EqualTo(Validity.Invalid), set.Summary);
        Assert.That(set.Anomalies.Select(a => a.Kind), Has.Some.Contain("lost").IgnoreCase);
    }

    /// <summary>A delay on the standbys' INPUT alone holds the WAL in their own kernels: it still arrives after the
    /// primary died, so this scenario is not expected to lose writes; the lost count is printed, not asserted.</summary>
    [Test]
    public async Task FailoverToADelayedStandbyCompletesAndEveryNodeIsReadAfterwards()
    {
        var run = await ScriptedFaultRun.RunAsync(SetRun("it-set-async-delay-failover", "async"), ScriptedFaultRun.DelayThenFailover());

        var set = SetResult(run);
        TestContext.Progress.WriteLine($"async + receiver-side delay + failover: {set.Summary}");
        foreach (var op in run.History.Ops.Where(o => o.IsNemesis && o.Type == OpType.Info)) TestContext.Progress.WriteLine($"  {op.F}: {ValueText.Format(op.Value)}");
        Assert.That(NemesisErrors(run.History), Is.Empty);
        Assert.That(set.Validity, Is.Not.EqualTo(Validity.Unknown), set.Summary);
        Assert.That(set.Stats["final-read-count"], Is.GreaterThanOrEqualTo(3L));
        Assert.That(set.Stats["acknowledged-count"], Is.GreaterThan(100L));
    }

    [Test]
    public async Task SyncReplicationLosesNoAcknowledgedWriteInTheSameScenario()
    {
        var run = await ScriptedFaultRun.RunAsync(SetRun("it-set-sync-lag-failover", "sync"), ScriptedFaultRun.LaggingStandbysThenFailover());

        var set = SetResult(run);
        TestContext.Progress.WriteLine($"sync + lagging standbys + failover: {set.Summary}; {Stats(set)}");
        foreach (var op in run.History.Ops.Where(o => o.IsNemesis && o.Type == OpType.Info)) TestContext.Progress.WriteLine($"  {op.F}: {ValueText.Format(op.Value)}");
        Assert.That(NemesisErrors(run.History), Is.Empty);
        Assert.That(set.Stats["acknowledged-count"], Is.GreaterThan(20L));
        Assert.That(set.Stats["lost-count"], Is.EqualTo(0L), set.Summary);
    }

    [Test]
    public async Task ReplicationLagExceedsTheDelayDuringTheFaultAndFallsAfterHeal()
    {
        var run = await RunFixture.RunAsync(SetRun("it-set-delay", "async") with { Nemesis = ["delay"], Seed = 3 });

        var windows = FaultWindow.From(run.History.Ops).Where(w => w.Fault == "delay").ToList();
        Assert.That(windows, Is.Not.Empty);
        var lag = LagJsonl.Read(Path.Combine(run.Directory, RunStore.LagFile)).Where(s => s.ReplayLagMs is not null).ToList();
        var during = lag.Where(s => windows.Any(w => s.Time > w.StartNs + 1_000_000_000L && s.Time < w.EndNs)).ToList();
        var calm = lag.Where(s => windows.All(w => s.Time < w.StartNs || s.Time > w.EndNs + 2_000_000_000L)).ToList();
        Assert.That(during, Is.Not.Empty);
        Assert.That(calm, Is.Not.Empty);
        var worstDuring = during.Max(s => s.ReplayLagMs!.Value);
        var medianCalm = calm.Select(s => s.ReplayLagMs!.Value).Order().ElementAt(calm.Count / 2);
        TestContext.Progress.WriteLine($"delay windows: {string.Join("; ", windows.Select(w => w.Description))}");
        TestContext.Progress.WriteLine($"replay lag: max {worstDuring:0} ms during the delay ({during.Count} samples), median {medianCalm:0.0} ms outside ({calm.Count} samples)");
        Assert.That(worstDuring, Is.GreaterThan(200), "replay lag during a 300 ms delay");
        Assert.That(medianCalm, Is.LessThan(100), "replay lag once the delay is cleared");
    }

    /// <summary>The set checker's own result (the workload's composite checker is also named "set").</summary>
    private static CheckResult SetResult(RunOutcome run) => run.Result.Flatten().Last(r => r.Checker == "set");

    private static string Stats(CheckResult r) => string.Join(", ", r.Stats.Select(kv => $"{kv.Key}={kv.Value}"));

    private static List<string> NemesisErrors(History history) =>
        history.Ops.Where(o => o.IsNemesis && o.Error is not null).Select(o => $"{o.F}: {o.Error}").ToList();
}
