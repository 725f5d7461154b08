using System.Globalization;

namespace Harness.Workloads.Redis;

/// <summary>
/// What one node reports about itself, parsed: its sentinel's view of the master (<c>SENTINEL master mymaster</c>,
/// alternating key and value lines as <c>redis-cli --raw</c> prints them) and its redis's <c>INFO replication</c>.
/// Missing answers are null: a wedged or stopped process leaves its part empty. Pure, so health and lag decisions
/// are unit-tested.
/// </summary>
public sealed record RedisNodeStatus(
    string? SentinelMasterIp,
    string? SentinelFlags,
    int? SentinelReplicas,
    int? OtherSentinels,
    string? Role,
    long? MasterOffset,
    string? MasterHost,
    string? MasterLinkStatus,
    IReadOnlyList<RedisReplicaInfo> Replicas)
{
    public static RedisNodeStatus Parse(string? sentinel, string? info)
    {
        var s = SentinelPairs(sentinel);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var replicas = new List<RedisReplicaInfo>();
        foreach (var raw in (info ?? "").Split('\n'))
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
        var ip = s.GetValueOrDefault("ip");
        return new RedisNodeStatus(
            ip is not null && System.Net.IPAddress.TryParse(ip, out _) ? ip : null,
            s.GetValueOrDefault("flags"),
            Int(s.GetValueOrDefault("num-slaves")),
            Int(s.GetValueOrDefault("num-other-sentinels")),
            values.GetValueOrDefault("role"),
            Long(values.GetValueOrDefault("master_repl_offset")),
            values.GetValueOrDefault("master_host"),
            values.GetValueOrDefault("master_link_status"),
            replicas);
    }

    /// <summary>Key and value lines in turn; an error answer (one line) gives nothing.</summary>
    private static Dictionary<string, string> SentinelPairs(string? text)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (lines.Count % 2 != 0) return pairs;
        for (var i = 0; i + 1 < lines.Count; i += 2) pairs.TryAdd(lines[i], lines[i + 1]);
        return pairs;
    }

    private static long? Long(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
