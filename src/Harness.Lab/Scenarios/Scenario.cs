using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Core.Testing;

namespace Harness.Lab.Scenarios;

/// <summary>
/// A claim of the replication article as data: the claim in one sentence, the runs that test it (a base test
/// spec in the <c>test.json</c> format, varied per run, each run repeated over the seeds), the measurements to take
/// from every run, and the expected direction (e.g. "async: lost-count summed over seeds &gt; 0; sync: max 0").
/// Stored as <c>workloads/scenarios/NAME.json</c>.
/// </summary>
public sealed record Scenario(string Name, string Claim, string Article, IReadOnlyList<long> Seeds,
    IReadOnlyList<ScenarioRun> Runs, IReadOnlyList<string> Measurements, IReadOnlyList<Expectation> Expectations)
{
    /// <summary>A run's test for one seed, named <c>scenario-label</c>; <paramref name="timeLimit"/> overrides the time limit when given.</summary>
    public TestSpec SpecFor(ScenarioRun run, long seed, double? timeLimit = null)
    {
        var spec = TestSpec.FromJson(run.Spec.ToJsonString()) with { Name = $"{Name}-{run.Label}", Seed = seed };
        return timeLimit is { } t ? spec with { TimeLimitSeconds = t } : spec;
    }
}

/// <summary>One variant of a scenario: a label (e.g. <c>async</c>) and its full test spec as JSON.</summary>
public sealed record ScenarioRun(string Label, JsonObject Spec);

/// <summary>
/// An expected direction: the <see cref="Aggregate"/> (sum, max, min, mean) over the seeds of
/// <see cref="Measure"/> in run <see cref="Run"/>, compared by <see cref="Op"/> (&gt;, &gt;=, ==, &lt;=, &lt;) with a
/// number or with the same aggregate of another run.
/// </summary>
public sealed record Expectation(string Run, string Measure, string Aggregate, string Op, double? Value, string? ThanRun)
{
    public string Describe() => $"{Run}: {Aggregate} {Measure} {Op} " + (ThanRun is null ? Value!.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : $"that of {ThanRun}");

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower };
}
