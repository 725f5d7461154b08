using System.Diagnostics;
using Harness.Core.Checking;

namespace Harness.Lab.Scenarios;

/// <summary>Runs every variant of a scenario over its seeds through <see cref="TestHarness.RunAsync"/>, takes the
/// figures from each stored run and evaluates the claim. A run that crashes (even with a cancellation nobody asked
/// for, such as a deadline inside the run) counts as unknown; the others go on. Only the caller's cancellation and a
/// missing Docker Engine end the scenario.</summary>
public static class ScenarioRunner
{
    public static async Task<ScenarioOutcome> RunAsync(Scenario scenario, RunSettings settings, double? timeLimit, IProgress<string>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var results = new List<ScenarioRunResult>();
        foreach (var run in scenario.Runs)
            foreach (var seed in scenario.Seeds)
            {
                var spec = scenario.SpecFor(run, seed, timeLimit);
                var clock = Stopwatch.StartNew();
                progress?.Report($"{scenario.Name}: {run.Label} seed {seed}");
                try
                {
                    var r = await TestHarness.RunAsync(spec, settings, progress, ct).ConfigureAwait(false);
                    results.Add(new ScenarioRunResult(scenario.Name, run.Label, seed, r.Paths.Directory, r.Verdict, Measures.Of(r.Paths.Directory), clock.Elapsed));
                }
                catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested) && e is not DockerUnavailableException)
                {
                    progress?.Report($"{scenario.Name}: {run.Label} seed {seed} failed: {e.Message}");
                    results.Add(new ScenarioRunResult(scenario.Name, run.Label, seed, "", Validity.Unknown,
                        Measures.Known.ToDictionary(k => k, _ => (double?)null), clock.Elapsed) { Error = e.GetBaseException().Message });
                }
            }
        return new ScenarioOutcome(scenario, results, ScenarioEvaluation.Evaluate(scenario, results), watch.Elapsed);
    }
}
