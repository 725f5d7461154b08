using Docker.DotNet.Models;
using Harness.Core.Storage;
using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// The start-up sweep: removes the containers and networks of runs whose harness process is gone (killed, or died
/// of a crash) so they do not pile up until someone runs <c>harness clean</c>. A run qualifies only when its
/// resources carry <see cref="HarnessLabels.OwnerKey"/> naming a process on this host that no longer exists (pid and
/// start time, <see cref="ProcessIdentity.IsAlive"/>). Runs of live harness processes (other users of a shared
/// engine), kept clusters and resources made by older versions (no owner label) are never touched.
/// </summary>
public static class StaleRunSweeper
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Removes every dead run's containers and networks; returns the run ids removed.</summary>
    public static async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        var filters = DockerCleaner.LabelFilter(null);
        var containers = await DockerEngine.CallAsync("ps -a", Timeout, (d, ct) =>
            d.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, ct), cancellationToken).ConfigureAwait(false);
        var networks = await DockerEngine.CallAsync("network ls", Timeout, (d, ct) =>
            d.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, ct), cancellationToken).ConfigureAwait(false);
        var dead = DeadRuns(containers.Select(c => c.Labels).Concat(networks.Select(n => n.Labels)));
        var removed = new List<string>();
        foreach (var run in dead)
        {
            await DockerCleaner.CleanAsync(run, cancellationToken).ConfigureAwait(false);
            removed.Add(run);
        }
        return removed;
    }

    /// <summary>The run ids whose owner label names a dead process (pure: the decision, without the engine).</summary>
    public static IReadOnlyList<string> DeadRuns(IEnumerable<IDictionary<string, string>?> labelSets) =>
        labelSets
            .Where(l => l is not null
                        && l.TryGetValue(HarnessLabels.RunKey, out var run) && !string.IsNullOrEmpty(run)
                        && l.TryGetValue(HarnessLabels.OwnerKey, out var owner)
                        && ProcessIdentity.Parse(owner) is { IsAlive: false })
            .Select(l => l![HarnessLabels.RunKey])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
