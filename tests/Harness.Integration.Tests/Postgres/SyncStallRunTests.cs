using Harness.Core.Checking;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;
using Harness.Lab.Scenarios;
using NUnit.Framework;

namespace Harness.Integration.Tests.Postgres;

/// <summary>
/// The article's price of synchronous replication, on a real cluster: with every standby required (FIRST 2) one
/// killed standby stops every commit on the primary for as long as it is down, and the clients see timeouts (info);
/// with a quorum of one (ANY 1) commits go on. One standby-down fault per run, ending before the time limit, so the
/// end of the run never cancels a commit that is still waiting (a cancelled wait reports the commit as done).
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class SyncStallRunTests
{
    private static TestSpec StandbyDown(string name, string replication) => (RunFixture.Short(name, "set", "standby-down") with
    {
        TimeLimitSeconds = 25,
        NemesisIntervalSeconds = 8,
        FaultDurationSeconds = 10,
        OperationTimeoutSeconds = 3,
        Rate = 40,
        Seed = 3,
    }).WithDatabaseOption("replication", replication).WithDatabaseOption("health-timeout-seconds", "400").WithFaultOption("standby-down", "how", "kill");

    [Test]
    public async Task SyncWithAKilledStandbyStallsEveryWriteAndSemiSyncDoesNot()
    {
        var sync = await RunFixture.RunAsync(StandbyDown("it-h9b-sync-stall", "sync"));
        var semi = await RunFixture.RunAsync(StandbyDown("it-h9b-semisync-nostall", "semi-sync"));
        foreach (var run in new[] { sync, semi })
        {
            var windows = FaultWindow.From(run.History.Ops);
            TestContext.Progress.WriteLine($"{run.Directory}: faults {string.Join("; ", windows.Select(w => w.Description))}; " +
                $"ok writes in fault {HistoryMeasures.OkWritesInFault(run.History.Ops)}, longest write gap {HistoryMeasures.MaxWriteGapMs(run.History.Ops)} ms");
            Assert.That(windows.Count(w => w.Fault == "standby-down" && w.Description!.StartsWith("killed standby", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(run.Checker("set").Stats["lost-count"], Is.EqualTo(0L), "no failover: nothing acknowledged may be lost");
        }
        Assert.That(HistoryMeasures.OkWritesInFault(sync.History.Ops), Is.EqualTo(0), "sync: no write acknowledged while a standby was down");
        Assert.That(sync.History.Ops.Count(o => !o.IsNemesis && o.Type == OpType.Info && o.F == "add"), Is.GreaterThan(0), "sync: stalled writes end unknown (info)");
        Assert.That(HistoryMeasures.OkWritesInFault(semi.History.Ops), Is.GreaterThan(0), "semi-sync: writes go on with one standby down");
        Assert.That(semi.Result.Validity, Is.Not.EqualTo(Validity.Invalid));
    }
}
