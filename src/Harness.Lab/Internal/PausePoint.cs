namespace Harness.Lab.Internal;

/// <summary>
/// A seam for the crash-safety tests: when the environment variable <c>HARNESS_PAUSE_AT</c> names a phase
/// ("checking", "report"), the run says "pause: &lt;phase&gt;" and waits there for a minute, so a test can SIGKILL the
/// harness at exactly that point instead of racing a phase that lasts milliseconds. Unset, it does nothing.
/// </summary>
internal static class PausePoint
{
    public const string Variable = "HARNESS_PAUSE_AT";

    public static async Task AtAsync(string phase, IProgress<string>? progress, CancellationToken ct)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable(Variable), phase, StringComparison.Ordinal)) return;
        progress?.Report("pause: " + phase);
        await Task.Delay(TimeSpan.FromMinutes(1), ct).ConfigureAwait(false);
    }
}
