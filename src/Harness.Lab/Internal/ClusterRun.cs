using Harness.Runner;

namespace Harness.Lab.Internal;

/// <summary>Records a run and then disposes its cluster. After an interrupted run (the engine went away) a failure
/// to dispose is expected and only reported: it must not hide the history already on disk.</summary>
internal static class ClusterRun
{
    public static async Task<RunRecording> RecordAsync(TestRun run, IAsyncDisposable cluster, IProgress<RunProgress> progress, CancellationToken ct)
    {
        RunRecording recording;
        try
        {
            recording = await new TestRunner(run, progress).RecordAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await DisposeQuietlyAsync(cluster).ConfigureAwait(false);
            throw;
        }
        if (recording.Interrupted) await DisposeQuietlyAsync(cluster).ConfigureAwait(false);
        else await cluster.DisposeAsync().ConfigureAwait(false);
        return recording;
    }

    private static async Task DisposeQuietlyAsync(IAsyncDisposable cluster)
    {
        try
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The original failure (or the interruption) is what matters; the start-up sweep removes leftovers later.
        }
    }
}
