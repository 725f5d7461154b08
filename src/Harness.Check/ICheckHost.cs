using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Check;

/// <summary>What a front end of the check verb supplies. The full CLI (<c>harness</c>) knows stored runs, every
/// registered module and the reports; the lean executable (<c>harness-check</c>, Native AOT) knows history files and
/// the workloads it is built with, and hands everything else back to the full CLI by throwing from these methods
/// before anything is read or printed.</summary>
public interface ICheckHost
{
    /// <summary>The workloads whose checkers <c>--workload</c> can name.</summary>
    IReadOnlyList<IWorkloadModule> Workloads { get; }

    /// <summary>The stored run the target names (a run directory or <c>latest</c>), or null for a history file.</summary>
    string? RunDirectory(string target);

    /// <summary>The test spec stored in <paramref name="directory"/> (test.json), or null if there is none.</summary>
    TestSpec? FindTest(string directory);

    /// <summary>The workload named by <c>--workload</c> (or by a stored test), or null if unknown here.</summary>
    IWorkloadModule? Workload(string name);

    /// <summary>The checker of a run's own workload joined by the checkers its database's capabilities add, as in
    /// <c>harness run</c>.</summary>
    IChecker WithDatabaseCheckers(TestSpec test, IChecker checker, string runDirectory);

    /// <summary>Rewrites a stored run's results and report after a re-check; returns the paths written.</summary>
    IReadOnlyList<string> Rewrite(string runDirectory, TestSpec test, CheckResult result, TimeSpan elapsed);
}
