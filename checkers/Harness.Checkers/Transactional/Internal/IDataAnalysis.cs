namespace Harness.Checkers.Transactional.Internal;

/// <summary>A workload's inference: from the transactions to version orders, data-dependency edges and the
/// anomalies that need no cycle. It can later explain any edge it added, in one sentence.</summary>
internal interface IDataAnalysis
{
    void Run(DependencyGraph.Builder edges, AnomalyLog log);

    /// <summary>Why <paramref name="from"/> precedes <paramref name="to"/> by an edge of this kind, naming
    /// transactions with <paramref name="name"/>; null if no witness is found.</summary>
    string? ExplainEdge(int from, int to, EdgeKind kind, Func<int, string> name);

    IReadOnlyDictionary<string, object?> Stats { get; }
}
