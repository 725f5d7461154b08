using System.Globalization;

namespace Harness.Workloads.Redis;

/// <summary>
/// What one node reports about itself (the image's <c>harness-redis-status</c> output: its sentinel's view,
/// <c>sentinel-*</c> lines, then the redis's <c>INFO replication</c>), parsed. Missing answers are null: a
/// wedged or stopped process leaves its lines empty. Pure, so health and lag decisions are unit-tested.
/// </summary>
public sealed record RedisNodeStatus(
    string? SentinelMasterIp,
    bool QuorumOk,
    string? SentinelFlags,
    int? SentinelReplicas,
    string? Role,
    long? MasterOffset,
    string? MasterHost,
    string? MasterLinkStatus,
    IReadOnlyList<RedisReplicaInfo> Replicas)
{
    public static RedisNodeStatus Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var replicas = new List<RedisReplicaInfo>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var (key, value) = (line[..colon], line[(colon + 1)..]);
            if (key.StartsWith("slave", StringComparison.Ordinal) && key.Length > 5 && char.IsAsciiDigit(key[5]))
            {
                if (RedisReplicaInfo.Parse(value) is { } replica) replicas.Add(replica);
            }
            else values.TryAdd(key, value);
        }
        string? Text(string key) => values.TryGetValue(key, out var v) && v.Length > 0 && !v.StartsWith("(error)", StringComparison.Ordinal)
            && !v.Contains("ERR", StringComparison.Ordinal) && !v.Contains("Could not connect", StringComparison.Ordinal) ? v : null;
        long? Long(string key) => long.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        var master = Text("sentinel-master");
        return new RedisNodeStatus(
            master is not null && System.Net.IPAddress.TryParse(master, out _) ? master : null,
            Text("sentinel-ckquorum")?.StartsWith("OK", StringComparison.Ordinal) == true,
            Text("sentinel-flags"),
            (int?)Long("sentinel-num-slaves"),
            Text("role"),
            Long("master_repl_offset"),
            Text("master_host"),
            Text("master_link_status"),
            replicas);
    }
}
