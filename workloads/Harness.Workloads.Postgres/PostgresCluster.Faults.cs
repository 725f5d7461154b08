using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Docker;

namespace Harness.Workloads.Postgres;

/// <summary>The fault capabilities that PostgreSQL takes from the Docker mechanisms: one-way partitions, packet
/// faults, SIGSTOP of the postgres processes, libfaketime clocks, and disk full on a tmpfs data directory.</summary>
public sealed partial class PostgresCluster : IKillableTogether, IOneWayPartitionable, IPacketFaultable, IProcessSignalable, IClockControllable, IDiskFillable
{
    /// <summary>PGDATA inside the node.</summary>
    public const string DataDirectory = "/var/lib/postgresql/data";

    private OneWayPartitions OneWay => field ??= new OneWayPartitions(Containers);
    private PacketFaults Packets => field ??= new PacketFaults(Containers);
    private ProcessSignals Signals => field ??= new ProcessSignals(Containers, "postgres");
    private ClockControl Clocks => field ??= new ClockControl(Containers);
    private DiskFill Disk => field ??= new DiskFill(Containers, DataDirectory);

    public Task KillTogetherAsync(IReadOnlyList<string> nodes, CancellationToken cancellationToken) => Containers.KillManyAsync(nodes, cancellationToken);

    public Task ApplyOneWayAsync(Grudge grudge, CancellationToken cancellationToken) => OneWay.ApplyAsync(grudge, cancellationToken);
    public Task HealOneWayAsync(CancellationToken cancellationToken) => OneWay.HealAsync(cancellationToken);

    public Task ApplyPacketFaultAsync(string node, IReadOnlyList<string>? fromNodes, PacketFault fault, CancellationToken cancellationToken) =>
        Packets.ApplyAsync(node, fromNodes, fault, cancellationToken);
    public Task ClearPacketFaultsAsync(CancellationToken cancellationToken) => Packets.ClearAllAsync(cancellationToken);

    public Task StopProcessAsync(string node, CancellationToken cancellationToken) => Signals.StopAsync(node, cancellationToken);
    public Task ContinueProcessAsync(string node, CancellationToken cancellationToken) => Signals.ContinueAsync(node, cancellationToken);

    public Task BumpClockAsync(string node, double offsetSeconds, CancellationToken cancellationToken) =>
        RequireFaketime().BumpAsync(node, offsetSeconds, cancellationToken);
    public Task StrobeClockAsync(string node, double deltaSeconds, int periodMs, double durationSeconds, CancellationToken cancellationToken) =>
        RequireFaketime().StrobeAsync(node, deltaSeconds, periodMs, durationSeconds, cancellationToken);
    public Task SkewClockAsync(string node, double rate, CancellationToken cancellationToken) => RequireFaketime().SkewAsync(node, rate, cancellationToken);
    public Task ResetClocksAsync(CancellationToken cancellationToken) => Options.Faketime ? Clocks.ResetAllAsync(cancellationToken) : Task.CompletedTask;
    public Task<IReadOnlyDictionary<string, double>> ClockOffsetsAsync(CancellationToken cancellationToken) => Clocks.OffsetsAsync(cancellationToken);

    public Task<string> FillDiskAsync(string node, CancellationToken cancellationToken) =>
        Options.DataTmpfsMegabytes > 0 ? Disk.FillAsync(node, cancellationToken)
            : throw new InvalidOperationException("the data directory is not on a tmpfs (set the data-tmpfs-mb option)");
    public Task FreeDiskAsync(CancellationToken cancellationToken) => Options.DataTmpfsMegabytes > 0 ? Disk.FreeAllAsync(cancellationToken) : Task.CompletedTask;

    private ClockControl RequireFaketime() => Options.Faketime ? Clocks
        : throw new InvalidOperationException("the servers do not run under libfaketime (the cluster was made without Faketime)");
}
