using Harness.Docker;
using Harness.Reports;
using Harness.Runner;

namespace Harness.Lab.Internal;

/// <summary>
/// What every run does first: removes the containers and networks left by harness processes that died (killed,
/// crashed) via <see cref="StaleRunSweeper"/>, and rewrites the store index when the store holds runs whose harness
/// died before finishing (their <c>running.pid</c> marker names a dead process), so they show as incomplete. It also
/// removes the base image's debootstrap folders that killed harnesses left in the temp folder (<see cref="StaleBuildFolders"/>).
/// Runs of live harness processes are left alone. A sweep that fails does not stop the run; it is reported.
/// </summary>
internal static class StartupSweep
{
    public static async Task RunAsync(RunStore store, IProgress<string>? progress, CancellationToken ct)
    {
        try
        {
            var runs = await StaleRunSweeper.SweepAsync(ct).ConfigureAwait(false);
            if (runs.Count > 0)
                progress?.Report($"sweep: removed the containers and networks of {runs.Count} run(s) whose harness is gone: {string.Join(", ", runs)}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            progress?.Report("sweep: could not list leftover containers (" + e.GetBaseException().Message + "); 'harness clean' removes them");
        }
        var folders = StaleBuildFolders.Sweep();
        if (folders.Count > 0) progress?.Report($"sweep: removed {folders.Count} base-image build folder(s) of killed harnesses: {string.Join(", ", folders)}");
        var incomplete = store.Runs().Where(RunStore.IsIncomplete).ToList();
        if (incomplete.Count == 0) return;
        var index = StoreIndex.Write(store.Root);
        progress?.Report($"sweep: {incomplete.Count} killed run(s) marked incomplete in {index}");
    }
}
