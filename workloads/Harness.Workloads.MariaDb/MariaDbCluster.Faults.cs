using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Docker;

namespace Harness.Workloads.MariaDb;

/// <summary>The fault capabilities both MariaDB kinds take from the Docker mechanisms: one-way partitions, packet
/// faults, SIGSTOP of mariadbd, libfaketime clocks, and disk full on a tmpfs data directory (which the entry script
/// fills with the data directory initialised in the image before the server starts).</summary>
public abstract partial class MariaDbCluster : IKillableTogether, IOneWayPartitionable, IPacketFaultable, IProcessSignalable, IClockControllable, IDiskFillable
{
    /// <summary>Where the tmpfs data directory is mounted when <see cref="MariaDbClusterOptions.DataTmpfsMegabytes"/> is set.</summary>
    public const string TmpfsDataDirectory = "/var/lib/mysql-tmpfs";

    private DiskFill Disk => field ??= new DiskFill(Containers, TmpfsDataDirectory);
    private OneWayPartitions OneWay => field ??= new OneWayPartitions(Containers);
    private PacketFaults Packets => field ??= new PacketFaults(Containers);
    private ProcessSignals Signals => field ??= new ProcessSignals(Containers, "mysql");
    private ClockControl Clocks => field ??= new ClockControl(Containers);

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
        : throw new InvalidOperationException("mariadbd does not run under libfaketime (the cluster was made without Faketime)");
}
