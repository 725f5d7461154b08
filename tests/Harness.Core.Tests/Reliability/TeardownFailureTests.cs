using System.Text.Json.Nodes;
using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Lab.Scenarios;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

/// <summary>Removing a cluster is housekeeping: a container removal that times out must not take the run's verdict,
/// nor end a scenario's other runs. It is reported with the run id and how to remove the leftovers
/// (<c>harness clean --run ID</c>); only a removal that finally succeeds reports nothing.</summary>
public class TeardownFailureTests
{
    private static TestSpec Spec(string database) => new()
    {
        Name = "teardown-" + database, Database = database, Workload = "register", Nodes = 3, TimeLimitSeconds = 1, Rate = 200,
        ConcurrencyPerNode = 1, RecoverySeconds = 0, FinalPhaseSeconds = 1, OperationTimeoutSeconds = 1, Nemesis = [],
    };

    private static (RunSettings Settings, string Store) Settings(FlakyTeardownModule module)
    {
        var store = Directory.CreateTempSubdirectory("harness-teardown-").FullName;
        var registry = new Registry([module], HarnessModules.Registry.Workloads, HarnessModules.Registry.Faults);
        return (new RunSettings { StoreRoot = store, Registry = registry, UsesDocker = false }, store);
    }

    [Test]
    public async Task ATeardownThatTimesOutTwiceKeepsTheVerdictAndNamesTheRunToClean()
    {
        var module = new FlakyTeardownModule("flaky-teardown", failures: 2);
        var (settings, store) = Settings(module);
        var lines = new List<string>();

        var result = await TestHarness.RunAsync(Spec(module.Name), settings, new SyncLines(lines));

        Assert.That(module.Calls, Is.EqualTo(new[] { "teardown", "dispose" }), "the runner's teardown, then one more attempt");
        Assert.That(result.Verdict, Is.EqualTo(Validity.Valid), "atomic registers check as linearizable: the verdict stands");
        Assert.That(result.Counts.Ok, Is.GreaterThan(0));
        var runId = Path.GetFileName(result.Paths.Directory).ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);
        Assert.That(result.TeardownFailure, Does.Contain("run " + runId).And.Contain("harness clean --run " + runId).And.Contain("did not finish within 90 s"));
        Assert.That(lines, Has.Some.StartsWith("teardown: teardown of run " + runId + " failed"));
        Directory.Delete(store, true);
    }

    [Test]
    public async Task ATeardownThatFailsOnceButGoesOnTheSecondAttemptReportsNoLeftovers()
    {
        var module = new FlakyTeardownModule("flaky-once", failures: 1);
        var (settings, store) = Settings(module);

        var result = await TestHarness.RunAsync(Spec(module.Name), settings);

        Assert.That(module.Calls, Is.EqualTo(new[] { "teardown", "dispose" }));
        Assert.That(result.Verdict, Is.EqualTo(Validity.Valid));
        Assert.That(result.TeardownFailure, Is.Null, "the dispose removed what the first attempt left");
        Directory.Delete(store, true);
    }

    [Test]
    public void ASetupFailureIsWhatSurfacesEvenWhenTheTeardownAfterItFailsToo()
    {
        var module = new FlakyTeardownModule("flaky-setup", failures: 2, new InvalidOperationException("cluster never became healthy"));
        var (settings, store) = Settings(module);

        var e = Assert.ThrowsAsync<InvalidOperationException>(() => TestHarness.RunAsync(Spec(module.Name), settings));

        Assert.That(e!.Message, Is.EqualTo("cluster never became healthy"), "not the teardown's timeout");
        Assert.That(module.Calls, Is.EqualTo(new[] { "teardown", "dispose" }));
        Directory.Delete(store, true);
    }

    [Test]
    public async Task AScenarioGoesOnAfterARunWhoseTeardownFailedOrWhoseSetupWasCancelledFromInside()
    {
        var cancelled = new FlakyTeardownModule("cancelled-setup", failures: 0, new OperationCanceledException("a deadline inside the run"));
        var flaky = new FlakyTeardownModule("flaky-scenario", failures: 2);
        var store = Directory.CreateTempSubdirectory("harness-teardown-").FullName;
        var registry = new Registry([cancelled, flaky], HarnessModules.Registry.Workloads, HarnessModules.Registry.Faults);
        var settings = new RunSettings { StoreRoot = store, Registry = registry, UsesDocker = false };
        ScenarioRun Run(string label, string database) => new(label, JsonNode.Parse(Spec(database).ToJson())!.AsObject());
        var scenario = new Scenario("teardown", "a claim", "", [1], [Run("cancelled", cancelled.Name), Run("flaky", flaky.Name)], [], []);

        var outcome = await ScenarioRunner.RunAsync(scenario, settings, null, null, CancellationToken.None);

        Assert.That(outcome.Runs.Select(r => r.Label), Is.EqualTo(new[] { "cancelled", "flaky" }), "the scenario went on to its second run");
        Assert.That(outcome.Runs[0].Error, Does.Contain("a deadline inside the run"));
        Assert.That(outcome.Runs[1].Error, Is.Null);
        Assert.That(outcome.Runs[1].Verdict, Is.EqualTo(Validity.Valid), "the run whose teardown failed keeps its verdict");
        Directory.Delete(store, true);
    }

    private sealed class SyncLines(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines) lines.Add(value);
        }
    }
}
