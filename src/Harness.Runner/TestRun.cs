using Harness.Core.Databases;
using Harness.Core.Generators;
using Harness.Core.Testing;

namespace Harness.Runner;

/// <summary>Everything one run needs, assembled from packages by name: the test data, the cluster, the
/// workload package, and an optional fault package (nemesis + its schedule).</summary>
public sealed record TestRun(
    TestSpec Test,
    IDatabase Database,
    IWorkload Workload,
    INemesis? Nemesis,
    IGenerator? NemesisSchedule,
    string Directory)
{
    /// <summary>Keep the cluster running after the run (for investigation); default tears it down.</summary>
    public bool KeepCluster { get; init; }

    /// <summary>Watches the environment (e.g. the Docker Engine) while clients run; see <see cref="IRunWatchdog"/>.</summary>
    public IRunWatchdog? Watchdog { get; init; }
}

/// <summary>What the runner tells a progress display.</summary>
public sealed record RunProgress(string Phase, TimeSpan Elapsed, int Ok, int Fail, int Info, string? ActiveFault);
