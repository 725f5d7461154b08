namespace Harness.Core.Checking;

/// <summary>
/// One finding: its name as the literature spells it (<c>G1a</c>, <c>G2-item</c>, <c>stale-read</c>,
/// <c>lost-write</c>, <c>nonlinearizable</c>), a sentence a database engineer can read, and the positions of
/// the operations that witness it (history indices), so a report can show them.
/// </summary>
public sealed record Anomaly(string Kind, string Explanation, IReadOnlyList<long> OpIndices)
{
    /// <summary>Optional structured detail (a cycle's edges, a model state); serialised as JSON.</summary>
    public object? Data { get; init; }
}
