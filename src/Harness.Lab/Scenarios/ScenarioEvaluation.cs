namespace Harness.Lab.Scenarios;

/// <summary>Evaluates a scenario's expectations on the figures of its runs (pure; unit-tested on stored numbers).</summary>
public static class ScenarioEvaluation
{
    public static IReadOnlyList<ExpectationResult> Evaluate(Scenario scenario, IReadOnlyList<ScenarioRunResult> runs) =>
        scenario.Expectations.Select(e =>
        {
            var actual = Aggregate(runs, e.Run, e.Measure, e.Aggregate);
            var against = e.ThanRun is null ? e.Value : Aggregate(runs, e.ThanRun, e.Measure, e.Aggregate);
            bool? held = actual is null || against is null ? null : Compare(actual.Value, e.Op, against.Value);
            return new ExpectationResult(e, held, actual, e.ThanRun is null ? null : against);
        }).ToList();

    public static double? Aggregate(IReadOnlyList<ScenarioRunResult> runs, string label, string measure, string aggregate)
    {
        var values = runs.Where(r => r.Label == label).Select(r => r.Figures.GetValueOrDefault(measure)).ToList();
        if (values.Count == 0 || values.Any(v => v is null)) return null;
        var xs = values.Select(v => v!.Value).ToList();
        return aggregate switch
        {
            "sum" => xs.Sum(),
            "max" => xs.Max(),
            "min" => xs.Min(),
            _ => xs.Average(),
        };
    }

    private static bool Compare(double a, string op, double b) => op switch
    {
        ">" => a > b,
        ">=" => a >= b,
        "==" => Math.Abs(a - b) < 1e-9,
        "<=" => a <= b,
        _ => a < b,
    };
}
