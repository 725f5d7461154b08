namespace Harness.Workloads.Redis;

/// <summary>
/// How to shape a Redis + Sentinel cluster: node count (redis1 starts as the master, the others replicate from it;
/// every node also runs a sentinel), <c>min-replicas-to-write</c> (0: a master acknowledges writes no replica has,
/// the classic source of lost writes on failover; N: it refuses writes unless N replicas acknowledged within
/// <see cref="MinReplicasMaxLagSeconds"/>), Sentinel's <c>down-after-milliseconds</c>, the run id that labels every
/// container, and the base image for the offline build.
/// </summary>
public sealed record RedisClusterOptions(
    int Nodes,
    int MinReplicasToWrite,
    string RunId,
    string BaseImage = "debian:bookworm-slim")
{
    public int MinReplicasMaxLagSeconds { get; init; } = 10;

    public int DownAfterMilliseconds { get; init; } = 3000;

    /// <summary>Sentinels that must agree the master is down: a majority, so one cut-off node cannot start a failover.</summary>
    public int Quorum => Nodes / 2 + 1;
}
