using Harness.Runner;

namespace Harness.Lab.Internal;

/// <summary>Records a run and then disposes its cluster (a second teardown attempt after the runner's own). Removing a
/// cluster is housekeeping, not part of the run: a removal that fails or times out must neither hide the history on
/// disk nor take the run's verdict, nor end a scenario's other runs. It is reported with the run id and returned as
/// <see cref="RunRecording.TeardownFailure"/>; the leftovers carry the run's labels, so <c>harness clean --run ID</c>
/// (or the next harness start's sweep, once this process is gone) removes them. A kept cluster is not disposed.</summary>
internal static class ClusterRun
{
    public static async Task<RunRecording> RecordAsync(TestRun run, IAsyncDisposable cluster, string runId, IProgress<RunProgress> progress,
        IProgress<string>? log, CancellationToken ct)
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
        if (run.KeepCluster) return recording;
        var failure = await DisposeQuietlyAsync(cluster).ConfigureAwait(false);
        if (failure is null) return recording with { TeardownFailure = null };
        var note = TeardownNote(runId, recording.TeardownFailure ?? failure);
        log?.Report(note);
        return recording with { TeardownFailure = note };
    }

    /// <summary>The sentence that reports a cluster left behind: which run, why, and how it goes away.</summary>
    public static string TeardownNote(string runId, string why) =>
        $"teardown of run {runId} failed ({why}); the run's history and verdict stand; its leftover containers and network " +
        $"carry the label of run {runId} and are removed by 'harness clean --run {runId}' (or the sweep of the next harness start)";

    /// <summary>Disposes the cluster; returns why that failed, or null.</summary>
    private static async Task<string?> DisposeQuietlyAsync(IAsyncDisposable cluster)
    {
        try
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            return e.GetBaseException().Message;
        }
    }
}
