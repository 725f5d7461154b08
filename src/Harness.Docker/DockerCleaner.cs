using Docker.DotNet;
using Docker.DotNet.Models;
using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// Removes everything the harness ever left behind: every container, then every network, labelled
/// <see cref="HarnessLabels.Managed"/> (Testcontainers' reaper is off: these labels are the only clean-up), and, when
/// cleaning everything, the stopped unlabelled containers failed image builds left. Safe to run at any time; images
/// are kept (they are a cache).
/// </summary>
public static class DockerCleaner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Removes every harness container and network of every run.</summary>
    public static Task<(int Containers, int Networks)> CleanAsync(CancellationToken cancellationToken) =>
        CleanAsync(null, cancellationToken);

    /// <summary>Removes the harness containers and networks of one run (all runs if <paramref name="runId"/> is null).
    /// Another run may be creating or removing its own containers at the same moment, so a removal that fails is
    /// retried on a fresh listing; only what is still there after that is an error.</summary>
    public static async Task<(int Containers, int Networks)> CleanAsync(string? runId, CancellationToken cancellationToken)
    {
        var filters = LabelFilter(runId);
        var containers = await RemoveAllAsync(
            async ct => (await DockerEngine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, ct).ConfigureAwait(false))
                .Select(c => c.ID).ToList(),
            (id, ct) => DockerEngine.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, ct),
            "container", cancellationToken).ConfigureAwait(false);
        if (runId is null)
        {
            containers += await RemoveAllAsync(BuildLeftoverIdsAsync,
                (id, ct) => DockerEngine.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, ct),
                "build container", cancellationToken).ConfigureAwait(false);
        }
        var networks = await RemoveAllAsync(
            async ct => (await DockerEngine.Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, ct).ConfigureAwait(false))
                .Select(n => n.ID).ToList(),
            (id, ct) => DockerEngine.Client.Networks.DeleteNetworkAsync(id, ct),
            "network", cancellationToken).ConfigureAwait(false);
        return (containers, networks);
    }

    /// <summary>The ids of the harness containers of one run (all runs if <paramref name="runId"/> is null), stopped ones included.</summary>
    public static async Task<IReadOnlyList<string>> ContainerIdsAsync(string? runId, CancellationToken cancellationToken) =>
        (await DockerEngine.CallAsync("ps -a", Timeout, (d, ct) =>
            d.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter(runId) }, ct), cancellationToken).ConfigureAwait(false))
        .Select(c => c.ID).ToList();

    /// <summary>The ids of the harness networks of one run (all runs if <paramref name="runId"/> is null).</summary>
    public static async Task<IReadOnlyList<string>> NetworkIdsAsync(string? runId, CancellationToken cancellationToken) =>
        (await DockerEngine.CallAsync("network ls", Timeout, (d, ct) =>
            d.Networks.ListNetworksAsync(new NetworksListParameters { Filters = LabelFilter(runId) }, ct), cancellationToken).ConfigureAwait(false))
        .Select(n => n.ID).ToList();

    /// <summary>Stopped, unlabelled containers made from our base image or an image built on it: the intermediate
    /// containers of image builds that failed before builds removed them (<see cref="ImageBuilder"/> now asks the
    /// engine to, forcerm). A running build's container is running, and a labelled one is a node, so neither is taken.</summary>
    private static async Task<List<string>> BuildLeftoverIdsAsync(CancellationToken cancellationToken)
    {
        if (await Images.IdAsync(BaseImage.LocalTag, cancellationToken).ConfigureAwait(false) is null) return [];
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["ancestor"] = new Dictionary<string, bool> { [BaseImage.LocalTag] = true } };
        return (await DockerEngine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, cancellationToken).ConfigureAwait(false))
            .Where(IsBuildLeftover).Select(c => c.ID).ToList();
    }

    /// <summary>Whether a container (already known to descend from our base image) is a failed build's leftover:
    /// stopped, and carrying none of our labels.</summary>
    internal static bool IsBuildLeftover(ContainerListResponse c) =>
        c.State is "exited" or "dead" && (c.Labels is null || !c.Labels.ContainsKey(HarnessLabels.ManagedKey));

    internal static Dictionary<string, IDictionary<string, bool>> LabelFilter(string? runId)
    {
        var labels = new Dictionary<string, bool> { [HarnessLabels.Managed] = true };
        if (runId is not null) labels[HarnessLabels.Run(runId)] = true;
        return new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels };
    }

    private static async Task<int> RemoveAllAsync(
        Func<CancellationToken, Task<List<string>>> list, Func<string, CancellationToken, Task> remove, string kind, CancellationToken cancellationToken)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            var ids = await DockerEngine.CallAsync($"list {kind}s", Timeout, (_, ct) => list(ct), cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0) return removed.Count;
            var failures = new List<string>();
            foreach (var id in ids)
            {
                try
                {
                    await DockerEngine.CallAsync($"remove {kind} {id}", Timeout, (_, ct) => remove(id, ct), cancellationToken).ConfigureAwait(false);
                    removed.Add(id);
                }
                catch (DockerApiException e) when (DockerEngine.IsNotFound(e))
                {
                    removed.Add(id); // someone else removed it first
                }
                catch (DockerApiException e)
                {
                    failures.Add($"{id[..Math.Min(12, id.Length)]}: {DockerEngine.Message(e)}");
                }
            }
            if (failures.Count == 0) continue;
            if (attempt >= 3) throw new DockerException($"removing harness {kind}s failed: {string.Join("; ", failures)}");
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        }
    }
}
