using Harness.Checkers.Leaderless;
using Harness.Core.Modules;
using Harness.Runner.Faults;
using Harness.Workloads;
using Harness.Workloads.Etcd;
using Harness.Workloads.MariaDb;
using Harness.Workloads.Postgres;
using Harness.Workloads.Postgres.Faults;
using Harness.Workloads.Redis;
using Harness.Workloads.Swift;

namespace Harness.Lab;

/// <summary>
/// The one place where databases, workloads, faults and checkers added by database capability are registered: one
/// line each. The CLI's options and help, validation, the report palette and the README tables are all derived from this list.
/// </summary>
public static class HarnessModules
{
    public static Registry Registry { get; } = new(
        databases:
        [
            new PostgresModule(),
            new GaleraModule(),
            new MariaDbMultiModule(),
            new MariaDbModule(),
            new EtcdModule(),
            new SwiftModule(),
            new RedisModule(),
        ],
        workloads:
        [
            new RegisterWorkload(),
            new SetWorkload(),
            new ListAppendWorkload(),
            new RwRegisterWorkload(),
        ],
        faults:
        [
            new PartitionFault(),
            new KillFault(),
            new PauseFault(),
            new FailoverFault(),
            new PartitionFailoverFault(),
            new DelayFault(),
            new OneWayPartitionFault(),
            new KillRecoveryFault(),
            new StopFault(),
            new ClockFault(),
            new PacketFaultModule(),
            new DiskFullFault(),
            new StandbyDownFault(),
            new StandbyLongReadFault(),
            new AddReplicaFault(),
        ],
        checkers:
        [
            new LeaderlessCheckers(),
        ]);
}
