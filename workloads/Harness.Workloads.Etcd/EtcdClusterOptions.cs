using System.Globalization;

namespace Harness.Workloads.Etcd;

/// <summary>
/// How to run an etcd cluster: member count, the Raft heartbeat and election timeouts in milliseconds (etcd's
/// <c>--heartbeat-interval</c> and <c>--election-timeout</c>; etcd refuses an election timeout under five
/// heartbeats), the run id that labels its containers and the base image for offline builds.
/// </summary>
public sealed record EtcdClusterOptions(int Nodes, string RunId, string BaseImage, int HeartbeatMs = 100, int ElectionTimeoutMs = 1000)
{
    /// <summary>etcd's own rule, checked before any container starts; null if the timeouts are acceptable.</summary>
    public static string? CheckTimeouts(long heartbeatMs, long electionTimeoutMs) => electionTimeoutMs < 5 * heartbeatMs
        ? string.Create(CultureInfo.InvariantCulture,
            $"etcd needs --election-timeout at least 5 x --heartbeat-interval (got {electionTimeoutMs} ms and {heartbeatMs} ms)")
        : null;
}
