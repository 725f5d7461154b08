namespace Harness.Check;

/// <summary>The arguments of one <c>harness check</c>, as parsed from the command line.</summary>
public sealed record CheckRequest(string Target, string? Model, string? Workload, string? ConsistencyModel, string? InitialValue,
    string? Format, string? NilReads, double TimeLimit, bool Json, bool NoPartition, bool NoLocality = false);
