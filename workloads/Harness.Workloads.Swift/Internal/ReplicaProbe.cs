using System.Text.Json.Nodes;
using Harness.Docker;

namespace Harness.Workloads.Swift.Internal;

/// <summary>
/// Reads objects straight from every object server (not through a proxy) by running <c>swift-probe</c> inside a
/// node: per object its primaries and, per node, the copy it holds (value and timestamp), none (null) or "?"
/// (unreachable). Node IPs are replaced by node names. Tries the nodes in turn, so a paused or killed node is skipped.
/// </summary>
internal sealed class ReplicaProbe(ContainerCluster containers, IReadOnlyList<string> nodes)
{
    public async Task<IReadOnlyList<JsonObject>> ProbeAsync(string container, IReadOnlyList<string> objects, CancellationToken ct)
    {
        if (objects.Count == 0) return [];
        var names = nodes.ToDictionary(containers.Ip, n => n, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var result = await containers.ExecAsync(node, ["swift-probe", SwiftHttp.Account, container, .. objects], TimeSpan.FromSeconds(200), ct)
                .ConfigureAwait(false);
            if (!result.Succeeded) continue;
            return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(line => Rename(line, names, node)).ToList();
        }
        return [];
    }

    private static JsonObject Rename(string line, Dictionary<string, string> names, string via)
    {
        var o = JsonNode.Parse(line)!.AsObject();
        var primaries = new JsonArray(o["primaries"]!.AsArray().Select(ip => (JsonNode?)JsonValue.Create(Name(ip!.GetValue<string>(), names))).ToArray());
        var copies = new JsonObject();
        foreach (var (ip, copy) in o["copies"]!.AsObject()) copies[Name(ip, names)] = copy?.DeepClone();
        return new JsonObject { ["object"] = o["object"]!.GetValue<string>(), ["via"] = via, ["primaries"] = primaries, ["copies"] = copies };
    }

    private static string Name(string ip, Dictionary<string, string> names) => names.TryGetValue(ip, out var n) ? n : ip;
}
