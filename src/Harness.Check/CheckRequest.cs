namespace Harness.Check;

/// <summary>The arguments of one <c>harness check</c>, as parsed from the command line. <see cref="WholeHistory"/>
/// reads the history whole even for a checker that streams (environment <c>HARNESS_CHECK_STREAM=0</c>: the path
/// before streaming, kept for comparisons).</summary>
public sealed record CheckRequest(string Target, string? Model, string? Workload, string? ConsistencyModel, string? InitialValue,
    string? Format, string? NilReads, double TimeLimit, bool Json, bool NoPartition, bool NoLocality = false,
    bool WholeHistory = false);
