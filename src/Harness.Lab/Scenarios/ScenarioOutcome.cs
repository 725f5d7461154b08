using Harness.Core.Checking;

namespace Harness.Lab.Scenarios;

/// <summary>One run of a scenario: which variant and seed, where it is stored, its verdict and figures.</summary>
public sealed record ScenarioRunResult(string Scenario, string Label, long Seed, string Directory, Validity Verdict, IReadOnlyDictionary<string, double?> Figures, TimeSpan Elapsed)
{
    /// <summary>Why the run produced no figures (it crashed before storing a result); null for a run that completed.</summary>
    public string? Error { get; init; }
}

/// <summary>Whether one expectation held, with the numbers compared.</summary>
public sealed record ExpectationResult(Expectation Expectation, bool? Held, double? Actual, double? Against)
{
    public string Describe() => Expectation.Describe() + $": {Show(Actual)}" + (Expectation.ThanRun is null ? "" : $" vs {Show(Against)}") +
        (Held switch { true => " (held)", false => " (did not hold)", null => " (not measured)" });

    private static string Show(double? v) => v?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a";
}

/// <summary>A scenario's verdict: the claim held when every expectation held; unknown when a run failed or a figure is missing.</summary>
public sealed record ScenarioOutcome(Scenario Scenario, IReadOnlyList<ScenarioRunResult> Runs, IReadOnlyList<ExpectationResult> Expectations, TimeSpan Elapsed)
{
    public Validity Verdict => Expectations.Any(e => e.Held == false) ? Validity.Invalid
        : Expectations.Any(e => e.Held is null) || Runs.Count == 0 ? Validity.Unknown : Validity.Valid;

    /// <summary>Why each crashed run has no figures, then every expectation with its numbers.</summary>
    public IReadOnlyList<string> Lines => Runs.Where(r => r.Error is not null).Select(r => $"{r.Label} seed {r.Seed} failed: {r.Error}")
        .Concat(Expectations.Select(e => e.Describe())).ToList();

    public string Summary => string.Join("; ", Lines);
}
