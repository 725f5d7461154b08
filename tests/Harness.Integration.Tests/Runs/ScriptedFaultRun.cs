using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Modules;
using Harness.Lab;
using Harness.Core.Testing;
using Harness.Runner;
using Harness.Runner.Nemeses;
using Harness.Workloads.Postgres;

namespace Harness.Integration.Tests.Runs;

/// <summary>
/// A whole run like <see cref="RunFixture"/>'s, but with a fixed fault script instead of the random schedule, so a
/// scenario that needs two faults at once (the random schedule runs one at a time) happens every time: the cluster,
/// workload and checker come from the registry; the nemesis is delay + partition + failover on the PostgreSQL cluster.
/// </summary>
internal static class ScriptedFaultRun
{
    /// <summary>Every standby receives its peers' traffic <c>300 ± 30</c> ms late from 4 s; at 8 s the primary is killed
    /// and the most advanced standby promoted; at 13 s the delay ends and at 14 s the old primary rejoins. The WAL in
    /// flight is held in the standbys' own network stacks, so it still arrives after the primary died.</summary>
    public static IGenerator DelayThenFailover() => Gen.Phases(
        Gen.Sleep(TimeSpan.FromSeconds(4)), Gen.Once("start-delay", "standbys"),
        Gen.Sleep(TimeSpan.FromSeconds(4)), Gen.Once("start-failover", null),
        Gen.Sleep(TimeSpan.FromSeconds(5)), Gen.Once("stop-delay", null),
        Gen.Sleep(TimeSpan.FromSeconds(1)), Gen.Once("stop-failover", null));

    /// <summary>The standbys fall behind for good: from 4 s they receive late, from 6 s the primary is cut off from them
    /// (clients on the host still reach it and it still acknowledges writes), at 9 s it is killed and the most
    /// advanced standby promoted; then the partition heals, the delay ends and the old primary rejoins.</summary>
    public static IGenerator LaggingStandbysThenFailover() => Gen.Phases(
        Gen.Sleep(TimeSpan.FromSeconds(4)), Gen.Once("start-delay", "standbys"),
        Gen.Sleep(TimeSpan.FromSeconds(2)), Gen.Once("start-partition", new object?[] { "isolate", "pg1" }),
        Gen.Sleep(TimeSpan.FromSeconds(3)), Gen.Once("start-failover", null),
        Gen.Sleep(TimeSpan.FromSeconds(3)), Gen.Once("stop-partition", null),
        Gen.Sleep(TimeSpan.FromSeconds(1)), Gen.Once("stop-delay", null),
        Gen.Sleep(TimeSpan.FromSeconds(1)), Gen.Once("stop-failover", null));

    public static async Task<RunOutcome> RunAsync(TestSpec test, IGenerator script, CancellationToken ct = default)
    {
        test = TestHarness.Resolve(HarnessModules.Registry, test);
        var module = HarnessModules.Registry.Database(test.Database);
        var store = new RunStore(Directory.CreateTempSubdirectory("harness-it-store-").FullName);
        var dir = store.CreateRun(test, DateTime.UtcNow);
        var runId = "it" + Path.GetFileName(dir).ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);
        var context = new ModuleContext(runId, test.BaseImage, null, Path.Combine(dir, RunStore.LogsDirectory));
        await module.EnsureImagesAsync(context, ct);
        var db = module.CreateCluster(test, context);
        var cluster = (PostgresCluster)db;
        var workload = new ComposedWorkload(HarnessModules.Registry.Workload(test.Workload), module.ClientFor(test.Workload, db, test), test);
        var nemesis = new CompositeNemesis(
            [new DelayNemesis(cluster, cluster.Nodes, cluster), new PartitionNemesis(cluster, cluster.Nodes), new FailoverNemesis(cluster)]);
        Core.History.History history;
        await using (db)
            history = await new TestRunner(new TestRun(test, db, workload, nemesis, script, dir)).RunAsync(ct);
        var result = workload.Checker().Check(history, new CheckContext { Options = workload.CheckerOptions, Cancellation = ct });
        var file = Path.Combine(dir, RunStore.ResultsFile);
        CheckResultJson.Write(file, result);
        return new RunOutcome(result.Validity == Validity.Valid ? 0 : 1, dir, history, CheckResultJson.Read(file)); // as RunFixture reads it
    }
}
