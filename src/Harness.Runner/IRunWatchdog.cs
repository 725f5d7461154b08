namespace Harness.Runner;

/// <summary>
/// Watches what a run depends on outside the database (for a Docker cluster: that the Docker Engine still answers).
/// The runner asks it every couple of seconds while clients run; a non-null answer says what broke (e.g. "the Docker
/// Engine stopped answering"), and the runner then stops the run early: the cluster's state is no longer known, so
/// the history up to that moment is kept and checked, and the verdict is unknown.
/// </summary>
public interface IRunWatchdog
{
    /// <summary>Null while all is well; otherwise a sentence naming what failed.</summary>
    Task<string?> ProblemAsync(CancellationToken cancellationToken);
}
