namespace Harness.Workloads.Redis;

/// <summary>
/// The cluster as the nodes report it (<see cref="RedisNodeStatus"/> per node, null for a node that did not answer):
/// which node the sentinels name as master, and whether the cluster is healthy. The master is what a majority of
/// sentinels say, as a Sentinel-aware client would conclude: a cut-off sentinel may still name the old master,
/// but it is outvoted. Pure, so the decisions are unit-tested without containers.
/// </summary>
public static class SentinelView
{
    /// <summary>The master IP named by at least <paramref name="majority"/> sentinels, or null if none is.</summary>
    public static string? MajorityMaster(IEnumerable<RedisNodeStatus?> statuses, int majority) =>
        statuses.Where(s => s?.SentinelMasterIp is not null)
            .GroupBy(s => s!.SentinelMasterIp!, StringComparer.Ordinal)
            .Where(g => g.Count() >= majority)
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>Null when healthy: every sentinel names the same master, sees it up (flags exactly <c>master</c>) and
    /// knows every replica and every other sentinel, and the master streams to every replica (state=online, link up).
    /// Otherwise the first thing missing.</summary>
    public static string? Problem(IReadOnlyDictionary<string, RedisNodeStatus?> byNode, Func<string, string> ipOf)
    {
        foreach (var (node, status) in byNode)
        {
            if (status is null) return $"{node} did not answer";
            if (status.SentinelMasterIp is null) return $"{node}'s sentinel names no master";
            if (status.SentinelFlags != "master") return $"{node}'s sentinel flags the master {status.SentinelFlags ?? "unknown"}";
            if (status.OtherSentinels != byNode.Count - 1) return $"{node}'s sentinel knows {Count(status.OtherSentinels)} other sentinels";
            if (status.SentinelReplicas != byNode.Count - 1) return $"{node}'s sentinel knows {Count(status.SentinelReplicas)} replicas";
        }
        var masters = byNode.Values.Select(s => s!.SentinelMasterIp).Distinct(StringComparer.Ordinal).ToList();
        if (masters.Count != 1) return $"sentinels disagree on the master: {string.Join(", ", masters)}";
        var master = byNode.Keys.FirstOrDefault(n => ipOf(n) == masters[0]);
        if (master is null) return $"sentinels name {masters[0]}, which is no node";
        var masterStatus = byNode[master]!;
        if (masterStatus.Role != "master") return $"{master} is named master but its role is {masterStatus.Role ?? "unknown"}";
        foreach (var replica in byNode.Keys.Where(n => n != master))
        {
            if (!masterStatus.Replicas.Any(r => r.Ip == ipOf(replica) && r.State == "online")) return $"{replica} is not online on {master}";
            if (byNode[replica]!.MasterLinkStatus != "up") return $"{replica}'s link to {master} is not up";
        }
        return null;
    }

    private static string Count(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no";
}
