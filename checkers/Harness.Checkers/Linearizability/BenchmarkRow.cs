namespace Harness.Checkers.Linearizability;

/// <summary>One benchmarked history: its name, format and model, operation count, the verdict found (and the
/// expected one if known), the best of the timed runs and every run, in milliseconds, parsing excluded
/// (a whole check, including the explanation of an invalid history), and the best search-only time.</summary>
public sealed record BenchmarkRow(string Name, string Format, string Model, long Ops, string Verdict, string? Expected, double BestMs, IReadOnlyList<double> RunsMs)
{
    /// <summary>True when an expected verdict is known and a definite verdict differs from it. Unknown (the time
    /// budget ran out) is not a mismatch: it is counted separately as <see cref="TimedOut"/>.</summary>
    public bool Mismatch => Expected is not null && !TimedOut && Expected != Verdict;

    public bool TimedOut => Verdict == "unknown";

    /// <summary>Best time of the search alone (no witness shrinking or explanation), in milliseconds.</summary>
    public double BestSearchMs { get; init; }

    /// <summary>CPU time (user + system, all threads) of the run with the least, in milliseconds: on a shared,
    /// overloaded machine the wall time mostly measures waiting, the CPU time the work.</summary>
    public double BestCpuMs { get; init; }

    /// <summary>Peak working set of the process after the runs, in MiB (0 if not measured).</summary>
    public double PeakMiB { get; init; }
}
