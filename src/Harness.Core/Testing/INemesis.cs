namespace Harness.Core.Testing;

/// <summary>
/// Injects faults. The nemesis process asks its schedule (a generator) for operations such as
/// <c>start-partition</c> / <c>stop-partition</c>, and this interface carries them out. The returned value
/// describes what was done (e.g. "pg3 isolated from pg1, pg2") and goes into the history as the nemesis op's value.
/// Which targets to hit is decided by the schedule (seeded), not here, so a seed reproduces the fault sequence.
/// </summary>
public interface INemesis
{
    /// <summary>Fault names this nemesis handles (e.g. "partition"): it accepts f = start-NAME and stop-NAME.</summary>
    IReadOnlyList<string> Faults { get; }

    Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken);

    /// <summary>How long one step (<see cref="InvokeAsync"/>) may take before the nemesis process gives up on it and
    /// records it as timed out; null: the runner's default (60 s). A fault that does slow work by design (cloning a
    /// replica) says so here.</summary>
    TimeSpan? StepTimeout => null;

    /// <summary>Ends every fault still in force (called at the end of the run, and on abort).</summary>
    Task HealAllAsync(CancellationToken cancellationToken);
}
