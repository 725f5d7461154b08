using Harness.Core.Checking;
using Harness.Core.Testing;

namespace Harness.Core.Modules;

/// <summary>
/// A checker that belongs to a family of databases rather than to a workload (Jepsen's per-system checkers: the
/// last-writer-wins and convergence analyses only make sense for leaderless stores). It applies to runs of the
/// workloads it names on any database whose module declares the capability it <see cref="Requires"/>, and the run
/// checks it beside the workload's own checker, so its verdict, stats and anomalies land in results.json and the
/// report. What it may read beyond the history is what that capability promises to record in the run directory.
/// </summary>
public interface ICheckerModule
{
    string Name { get; }

    string Summary { get; }

    /// <summary>A name from <see cref="Capability"/> the database module must declare.</summary>
    string Requires { get; }

    /// <summary>Workload names it can check.</summary>
    IReadOnlyList<string> Workloads { get; }

    /// <summary>The checker for one run (its files are in <paramref name="runDirectory"/>).</summary>
    IChecker Create(TestSpec test, string runDirectory);
}
