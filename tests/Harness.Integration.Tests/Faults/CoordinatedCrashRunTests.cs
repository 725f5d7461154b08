using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;
using NUnit.Framework;

namespace Harness.Integration.Tests.Faults;

/// <summary>
/// Coordinated crashes under write load through <c>harness run</c>: every node SIGKILLed at once (the kill fault with
/// <c>targets=all</c>), restarted together, then the set workload's final reads say whether acknowledged writes
/// survived. PostgreSQL (fsync on, synchronous_commit on) must lose none. For Galera the lost count is reported as
/// found: our kill does not drop the kernel's page cache, so writes Galera acknowledged before flushing survive here.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class CoordinatedCrashRunTests
{
    private static TestSpec Crash(string name, string database) =>
        (RunFixture.Short(name, "set", "kill") with
        {
            Database = database,
            TimeLimitSeconds = 60,
            NemesisIntervalSeconds = 20,
            FaultDurationSeconds = 3,
            RecoverySeconds = 20,
            OperationTimeoutSeconds = 8, // connections and crash recovery take seconds on a loaded 2-core machine
            ConcurrencyPerNode = 1,
            Rate = 20,
            Seed = 21,
        }).WithFaultOption("kill", "targets", "all");

    private static void Describe(RunOutcome run, CheckResult set)
    {
        var kills = run.History.Ops.Where(o => o.IsNemesis && o.F == "start-kill" && o.Type == Core.History.OpType.Info).Select(o => o.Value).ToList();
        TestContext.Progress.WriteLine($"{run.Directory}: {kills.Count} coordinated crashes ({string.Join("; ", kills.Select(Core.History.ValueText.Format))}); set: {set.Validity}, " +
            string.Join(", ", set.Stats.Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.That(kills, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(kills.All(k => NodesHit(k) >= 3), Is.True, "every crash hit all three nodes");
        Assert.That(set.Stats["acknowledged-count"], Is.GreaterThan(100L));
        Assert.That(set.Stats["final-read-count"], Is.GreaterThanOrEqualTo(3L), "every node came back and answered the final read");
    }

    [Test]
    public async Task PostgresLosesNoAcknowledgedWriteInACoordinatedCrash()
    {
        var run = await RunFixture.RunAsync(Crash("it-pg-coordinated-crash", "postgres"));
        var set = run.Checker("set");
        Describe(run, set);
        Assert.That(set.Stats["lost-count"], Is.EqualTo(0L), set.Summary);
    }

    [Test]
    public async Task GaleraCoordinatedCrashIsMeasured()
    {
        var run = await RunFixture.RunAsync(Crash("it-galera-coordinated-crash", "galera"));
        var set = run.Checker("set");
        Describe(run, set);
        Assert.That(set.Validity, Is.Not.EqualTo(Validity.Unknown), set.Summary);
    }

    /// <summary>How many nodes a kill hit: the structured value's node list (the nemesis records it), else the nodes
    /// named in its description ("kill pg1, pg2, pg3 ...").</summary>
    private static int NodesHit(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> d when d.TryGetValue("nodes", out var n) && n is IReadOnlyList<object?> { Count: > 0 } list => list.Count,
        IReadOnlyDictionary<string, object?> d when d.TryGetValue("description", out var text) => $"{text}".Split(", ").Length,
        _ => $"{value}".Split(", ").Length,
    };
}
