using Harness.Core.Checking;

namespace Harness.Checkers.Transactional;

/// <summary>One benchmark measurement: how long the transactional checker took on a generated history.</summary>
public sealed record ElleBenchmarkResult(
    int Transactions,
    int Seed,
    double GenerateSeconds,
    double CheckSeconds,
    long Edges,
    long PeakWorkingSetBytes,
    long ManagedBytesAfterCheck,
    Validity Validity)
{
    /// <summary>CPU time (user + system, all threads) of generation and check together, in seconds.</summary>
    public double CheckCpuSeconds { get; init; }
}
