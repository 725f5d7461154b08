namespace Harness.Runner;

/// <summary>
/// A seam for the crash-safety tests: when the environment variable <c>HARNESS_PAUSE_AT</c> names a phase
/// ("healing", "final reads", "checking", "report"), the run says "pause: &lt;phase&gt;" and waits there for a minute, so a test can SIGKILL the
/// harness at exactly that point instead of racing a phase that lasts milliseconds. Unset, it does nothing.
/// </summary>
public static class PausePoint
{
    public const string Variable = "HARNESS_PAUSE_AT";

    /// <summary>Whether the run should pause at <paramref name="phase"/>.</summary>
    public static bool IsArmed(string phase) => string.Equals(Environment.GetEnvironmentVariable(Variable), phase, StringComparison.Ordinal);

    public static async Task AtAsync(string phase, IProgress<string>? progress, CancellationToken ct)
    {
        if (!IsArmed(phase)) return;
        progress?.Report("pause: " + phase);
        await Task.Delay(TimeSpan.FromMinutes(1), ct).ConfigureAwait(false);
    }
}
