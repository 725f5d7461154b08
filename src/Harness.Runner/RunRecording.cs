namespace Harness.Runner;

/// <summary>
/// What recording a run left: the history file, how many operations it holds, and, when the run could not go to
/// its end (the Docker Engine went away, a phase threw), the reason. An interrupted run's history is still whole up to
/// the interruption and checkable; its verdict must be unknown, since its final phases never happened.
/// <see cref="TeardownFailure"/> says why the cluster could not be removed afterwards: that concerns the machine (its
/// containers may be left behind, for <c>harness clean --run</c>), not the run, whose history and verdict stand.
/// </summary>
public sealed record RunRecording(string HistoryPath, long Operations, string? Interruption)
{
    public bool Interrupted => Interruption is not null;

    /// <summary>Why tearing the cluster down failed (e.g. a container removal timed out), or null when it went.</summary>
    public string? TeardownFailure { get; init; }
}
