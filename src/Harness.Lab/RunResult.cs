using Harness.Core.Checking;
using Harness.Core.Testing;

namespace Harness.Lab;

/// <summary>
/// What one run produced: the resolved test, the verdict and every checker's result, operation counts, and the
/// paths written. <see cref="Stat"/> finds a figure any checker reported (e.g. <c>lost</c> from the set checker).
/// </summary>
public sealed record RunResult(TestSpec Test, CheckResult Result, RunCounts Counts, RunPaths Paths, RunTimings Timings)
{
    public Validity Verdict => Result.Validity;

    /// <summary>Why the cluster could not be removed after the run, with the run id and how to remove the leftovers;
    /// null when it was removed (or kept on purpose). It does not change the verdict.</summary>
    public string? TeardownFailure { get; init; }

    /// <summary>The result of the checker named <paramref name="checker"/> (e.g. "set", "linearizability"), or null.</summary>
    public CheckResult? Checker(string checker) => Result.Flatten().FirstOrDefault(r => r.Checker == checker);

    /// <summary>A numeric figure reported by any checker under <paramref name="name"/> (first found, depth first), or null.</summary>
    public long? Stat(string name) => Result.Flatten()
        .Select(r => r.Stats.TryGetValue(name, out var v) ? v : null)
        .Where(v => v is not null)
        .Select(v => (long?)Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))
        .FirstOrDefault();
}

/// <summary>Client operations by outcome (nemesis operations excluded), and the faults injected.</summary>
public sealed record RunCounts(int Operations, int Ok, int Fail, int Info, int Faults);

/// <summary>Files and folders a run wrote.</summary>
public sealed record RunPaths(string Directory, string Test, string History, string Results, string Report, string JUnit, string? StoreIndex)
{
    public IReadOnlyList<string> All => new[] { Test, History, Results, Report, JUnit, StoreIndex }.OfType<string>().ToList();
}

/// <summary>Wall time of each phase.</summary>
public sealed record RunTimings(TimeSpan Images, TimeSpan Run, TimeSpan Check, TimeSpan Report)
{
    public TimeSpan Total => Images + Run + Check + Report;
}
