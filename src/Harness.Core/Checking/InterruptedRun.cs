namespace Harness.Core.Checking;

/// <summary>
/// A run that ended early (the Docker Engine went away, a phase failed): what its history shows is kept as the only
/// child, but the verdict is unknown, since its final phases never ran (a write without its final read is not a lost
/// write). The reason is kept in the run folder (<see cref="FileName"/>) so that a later <c>harness check</c> of the
/// folder gives the same verdict and sentence instead of judging the cut-short history as if the run had finished.
/// </summary>
public static class InterruptedRun
{
    /// <summary>The file in a run folder that holds why the run was interrupted (absent for a run that finished).</summary>
    public const string FileName = "interrupted.txt";

    /// <summary>The unknown verdict of an interrupted run around what its history showed.</summary>
    public static CheckResult Wrap(CheckResult partial, string why) =>
        new("run", Validity.Unknown, $"the run was interrupted: {why}. The history up to then was checked: {partial.Validity.Word()} ({partial.Summary})")
        {
            Children = [partial],
        };

    /// <summary>Why the run in <paramref name="runDirectory"/> was interrupted, or null if it was not.</summary>
    public static string? Reason(string runDirectory)
    {
        var path = Path.Combine(runDirectory, FileName);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
