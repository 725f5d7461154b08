using System.Globalization;

namespace Harness.Workloads.Redis;

/// <summary>One <c>slaveN:ip=..,port=..,state=online,offset=..,lag=..</c> line of a master's INFO replication.</summary>
public sealed record RedisReplicaInfo(string Ip, string State, long Offset, long LagSeconds)
{
    public static RedisReplicaInfo? Parse(string value)
    {
        var fields = value.Split(',').Select(f => f.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("ip", out var ip) || !fields.TryGetValue("state", out var state)) return null;
        return new RedisReplicaInfo(ip, state, Number(fields, "offset"), Number(fields, "lag"));
    }

    private static long Number(Dictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
