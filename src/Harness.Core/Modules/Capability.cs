using Harness.Core.Databases;

namespace Harness.Core.Modules;

/// <summary>
/// Names of what a cluster can do beyond <see cref="IDatabase"/>, one per capability adjective (Jepsen's optional
/// protocols). A database module declares them before any cluster exists (so <c>harness run</c> can refuse
/// "galera does not support failover" up front); a fault module names those it needs.
/// </summary>
public static class Capability
{
    public const string Kill = "kill";
    public const string Pause = "pause";
    public const string Partition = "partition";
    public const string Primary = "primary";
    public const string Failover = "failover";
    public const string Delay = "delay";
    public const string Lag = "lag";
    public const string OneWay = "one-way";
    public const string Packet = "packet";
    public const string Signal = "signal";
    public const string Clock = "clock";
    public const string Disk = "disk";

    /// <summary>Replicas can be read on each storage node and are sampled to the run directory (leaderless stores).</summary>
    public const string Replicas = "replicas";

    /// <summary>Each capability with the interface that provides it.</summary>
    public static IReadOnlyDictionary<string, Type> Interfaces { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [Kill] = typeof(IKillable),
        [Pause] = typeof(IPausable),
        [Partition] = typeof(IPartitionable),
        [Primary] = typeof(IHasPrimary),
        [Failover] = typeof(IPromotable),
        [Delay] = typeof(IDelayable),
        [Lag] = typeof(IReplicationLagSource),
        [OneWay] = typeof(IOneWayPartitionable),
        [Packet] = typeof(IPacketFaultable),
        [Signal] = typeof(IProcessSignalable),
        [Clock] = typeof(IClockControllable),
        [Disk] = typeof(IDiskFillable),
        [Replicas] = typeof(IReplicaObservable),
    };

    /// <summary>The capabilities a cluster object actually implements.</summary>
    public static IReadOnlySet<string> Of(IDatabase database) =>
        Interfaces.Where(kv => kv.Value.IsInstanceOfType(database)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
}
