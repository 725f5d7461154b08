namespace Harness.Workloads.Redis.Workloads;

/// <summary>How clients find the cluster: the host endpoint of each node's redis, which node is the master now
/// (what a majority of sentinels name; asked on every operation, so clients follow a failover as a Sentinel-aware
/// client does, about a second late) and the replicas. Writes still in flight to an old master complete there,
/// and if it was cut off rather than dead it goes on acknowledging them.</summary>
public sealed class RedisEndpoints(Func<string, (string Host, int Port)> endpoint, Func<string> primary, Func<IReadOnlyList<string>> replicas)
{
    public Func<string, (string Host, int Port)> Endpoint => endpoint;

    /// <summary>The node that accepts writes now.</summary>
    public string Primary => primary();

    /// <summary>The other nodes now.</summary>
    public IReadOnlyList<string> Replicas => replicas();

    /// <summary>The node a process reads from: the master, or with <c>replicas</c> a replica chosen by process.</summary>
    public string ReadNode(int process, string processNode, bool fromReplicas)
    {
        var current = Replicas;
        if (!fromReplicas || current.Count == 0) return Primary;
        return current.Contains(processNode) ? processNode : current[process % current.Count];
    }
}
