using Harness.Core.Modules;

namespace Harness.Lab;

/// <summary>How to run a test, apart from the test itself: where results go, whether the cluster stays up, and
/// which registry to resolve names in (the built-in <see cref="HarnessModules.Registry"/> unless a caller adds its own modules).</summary>
public sealed record RunSettings
{
    /// <summary>Directory holding runs (<c>store/</c>).</summary>
    public string StoreRoot { get; init; } = "store";

    /// <summary>Leave the cluster running after the run (remove it later with <c>harness clean</c>).</summary>
    public bool KeepCluster { get; init; }

    public Registry Registry { get; init; } = HarnessModules.Registry;

    /// <summary>False for a database that lives inside the harness process (the benchmarks' in-process registers):
    /// the run then neither asks for a Docker Engine, nor sweeps leftover containers, nor watches the engine.</summary>
    public bool UsesDocker { get; init; } = true;

    /// <summary>What watches the environment during the run (default: the Docker Engine watchdog when
    /// <see cref="UsesDocker"/>, none otherwise).</summary>
    public Runner.IRunWatchdog? Watchdog { get; init; }
}
