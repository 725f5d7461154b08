using System.Diagnostics;
using System.Net;
using Harness.Docker;

namespace Harness.Workloads.Swift.Internal;

/// <summary>
/// Health of a Swift cluster: every proxy answers <c>/healthcheck</c>, and a PUT then GET of a small object
/// through each proxy round-trips (account autocreated, container created first). Throws with the first
/// problem when the timeout passes.
/// </summary>
internal static class SwiftHealth
{
    public static async Task WaitAsync(SwiftCluster cluster, TimeSpan timeout, CancellationToken ct)
    {
        var http = new SwiftHttp(cluster.Http);
        var clock = Stopwatch.StartNew();
        var pending = cluster.Nodes.ToList();
        var problem = "not checked yet";
        while (clock.Elapsed < timeout)
        {
            foreach (var node in pending.ToList())
            {
                var why = await ProblemAsync(cluster, http, node, ct).ConfigureAwait(false);
                if (why is null) pending.Remove(node);
                else problem = $"{node}: {why}";
            }
            if (pending.Count == 0) return;
            await Task.Delay(500, ct).ConfigureAwait(false);
        }
        throw new DockerException($"swift cluster not healthy after {timeout.TotalSeconds:0} s: {problem}");
    }

    private static async Task<string?> ProblemAsync(SwiftCluster cluster, SwiftHttp http, string node, CancellationToken ct)
    {
        try
        {
            var root = $"http://{cluster.Containers.Host}:{cluster.Containers.HostPort(node)}";
            if (await http.HealthAsync(root, ct).ConfigureAwait(false) != HttpStatusCode.OK) return "healthcheck not OK";
            var api = cluster.ProxyUrl(node);
            var container = await http.PutAsync(api, "health", "", ct).ConfigureAwait(false);
            if (container is not (HttpStatusCode.Created or HttpStatusCode.Accepted)) return $"container PUT {(int)container}";
            var put = await http.PutAsync(api, $"health/{node}", node, ct).ConfigureAwait(false);
            if (put != HttpStatusCode.Created) return $"object PUT {(int)put}";
            var (status, body) = await http.GetAsync(api, $"health/{node}", false, ct).ConfigureAwait(false);
            return status == HttpStatusCode.OK && body == node ? null : $"GET {(int)status} '{body}'";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }
}
