using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;
using Harness.Lab;
using Harness.Runner;

namespace Harness.Integration.Tests.Etcd;

/// <summary>
/// A whole etcd run like <see cref="RunFixture"/>'s (cluster, workload, checkers and partition fault from the registry),
/// but with a fixed fault script instead of the random schedule, so the scenario under test happens every time.
/// </summary>
internal static class EtcdScriptedRun
{
    /// <summary>From <paramref name="from"/> to <paramref name="until"/> (seconds into the run) one member is cut off
    /// from its peers; clients on the host still reach it, so its own processes keep reading from it while the
    /// other two members elect a leader if needed and go on committing writes.</summary>
    public static IGenerator IsolateMember(string node, TimeSpan from, TimeSpan until) => Gen.Phases(
        Gen.Sleep(from), Gen.Once("start-partition", new object?[] { "isolate", node }),
        Gen.Sleep(until - from), Gen.Once("stop-partition", null));

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
        var workload = new ComposedWorkload(HarnessModules.Registry.Workload(test.Workload), module.ClientFor(test.Workload, db, test), test);
        var partition = HarnessModules.Registry.Fault("partition");
        var nemesis = partition.Create(db, test, test.FaultOptionsOf("partition"));
        Core.History.History history;
        await using (db)
            history = await new TestRunner(new TestRun(test, db, workload, nemesis, script, dir)).RunAsync(ct);
        var result = workload.Checker().Check(history, new CheckContext { Options = workload.CheckerOptions, Cancellation = ct });
        var file = Path.Combine(dir, RunStore.ResultsFile);
        CheckResultJson.Write(file, result);
        return new RunOutcome(result.Validity == Validity.Valid ? 0 : 1, dir, history, CheckResultJson.Read(file));
    }
}
