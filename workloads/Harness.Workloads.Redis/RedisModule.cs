using System.Globalization;
using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Redis.Workloads;

namespace Harness.Workloads.Redis;

/// <summary>
/// The Redis 7 + Sentinel module: a master and asynchronous replicas, a sentinel beside each redis
/// (<see cref="RedisCluster"/>), optional <c>min-replicas-to-write</c>; clients for register and set through
/// StackExchange.Redis that follow the master the sentinels name; failover through Sentinel; lag from the master's
/// <c>INFO replication</c> offsets. Jepsen's 2013 analysis showed Sentinel failover losing acknowledged writes: the
/// set workload under partitions counts ours.
/// </summary>
public sealed class RedisModule : IDatabaseModule
{
    public string Name => "redis";
    public string Summary => "Redis 7 + Sentinel: a master, async replicas and a sentinel on every node; failover by Sentinel";

    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Integer("min-replicas-to-write", "a master refuses writes (NOREPLICAS) unless this many replicas acknowledged recently; 0 = off", 0, 0, 8),
        OptionDef.Integer("min-replicas-max-lag", "seconds within which a replica must have acknowledged to count for min-replicas-to-write", 10, 1, 600),
        OptionDef.Integer("down-after-ms", "Sentinel's down-after-milliseconds, how long a master must be unreachable before a failover", 3000, 100, 600_000),
        OptionDef.Choice("read-from", "where register reads go: primary | replicas (a replica per process)", "primary", "primary", "replicas"),
    ];

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Capability.Kill, Capability.Pause, Capability.Partition, Capability.Primary, Capability.Failover, Capability.Lag,
    };

    public IReadOnlyList<string> Workloads { get; } = ["register", "set"];

    public NodeRange NodeCount => new(3, 7, 3);

    public IEnumerable<string> Validate(TestSpec test)
    {
        if (test.DatabaseOptions.Integer("min-replicas-to-write") > test.NodeCount - 1)
            yield return $"--min-replicas-to-write {test.DatabaseOptions.Integer("min-replicas-to-write")} needs at least that many replicas ({test.NodeCount - 1} with {test.NodeCount} nodes)";
    }

    public string? NameSuffix(TestSpec test) => test.DatabaseOptions.Integer("min-replicas-to-write") is var n and > 0
        ? string.Create(CultureInfo.InvariantCulture, $"min-replicas-{n}")
        : null;

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) =>
        RedisImage.EnsureAsync(context.BaseImage, context.Progress, cancellationToken);

    public IDatabase CreateCluster(TestSpec test, ModuleContext context) =>
        new RedisCluster(new RedisClusterOptions(test.NodeCount, (int)test.DatabaseOptions.Integer("min-replicas-to-write"), context.RunId, context.BaseImage)
        {
            MinReplicasMaxLagSeconds = (int)test.DatabaseOptions.Integer("min-replicas-max-lag"),
            DownAfterMilliseconds = (int)test.DatabaseOptions.Integer("down-after-ms"),
        }, context.Progress);

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test)
    {
        var redis = (RedisCluster)cluster;
        var endpoints = new RedisEndpoints(redis.Endpoint, () => redis.Primary, () => redis.Replicas);
        return workload switch
        {
            "register" => RegisterClients.Create(test, endpoints),
            "set" => SetClients.Create(endpoints),
            _ => throw new ArgumentException($"redis has no client for the '{workload}' workload"),
        };
    }
}
