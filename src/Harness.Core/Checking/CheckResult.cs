namespace Harness.Core.Checking;

/// <summary>
/// What a checker found. <see cref="Stats"/> holds plain counts and figures for summaries (op counts, lost
/// writes, elapsed ms); <see cref="Anomalies"/> the findings with witnesses (a checker keeps a few examples
/// per kind and counts the rest in <see cref="AnomalyCounts"/>); <see cref="Children"/> the parts of a composition.
/// </summary>
public sealed record CheckResult(string Checker, Validity Validity, string Summary)
{
    public IReadOnlyList<Anomaly> Anomalies { get; init; } = [];
    public IReadOnlyDictionary<string, long> AnomalyCounts { get; init; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<string, object?> Stats { get; init; } = new Dictionary<string, object?>();
    public IReadOnlyList<CheckResult> Children { get; init; } = [];

    /// <summary>Checker-specific data for reports (e.g. lost writes over time); serialised as JSON.</summary>
    public object? Details { get; init; }

    public static CheckResult Compose(string name, IReadOnlyList<CheckResult> children)
    {
        var v = children.Select(c => c.Validity).Worst();
        var summary = string.Join("; ", children.Select(c => $"{c.Checker}: {c.Validity.Word()}"));
        return new CheckResult(name, v, summary) { Children = children };
    }

    /// <summary>This result and every descendant, depth first.</summary>
    public IEnumerable<CheckResult> Flatten()
    {
        yield return this;
        foreach (var c in Children)
            foreach (var d in c.Flatten())
                yield return d;
    }
}
