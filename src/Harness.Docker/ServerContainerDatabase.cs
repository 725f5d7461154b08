using Harness.Core.Databases;
using Harness.Core.Faults;

namespace Harness.Docker;

/// <summary>
/// A <see cref="ContainerDatabase"/> whose server is one process tree per node that Harness starts itself, so every
/// Docker-level fault applies to it: killing nodes together, one-way partitions, packet faults (nfqueue), SIGSTOP
/// of the server's processes, libfaketime clocks (when the server was started under it) and a full disk (when its
/// data directory is a tmpfs). PostgreSQL and both MariaDB kinds are such servers; the settings say which user runs
/// the server, where its data lives and whether the clock and disk faults are armed.
/// </summary>
public abstract class ServerContainerDatabase(ContainerCluster containers, ServerFaultSettings settings)
    : ContainerDatabase(containers), IKillableTogether, IOneWayPartitionable, IPacketFaultable, IProcessSignalable, IClockControllable, IDiskFillable
{
    private DiskFill Disk => field ??= new DiskFill(Containers, settings.DataDirectory);
    private OneWayPartitions OneWay => field ??= new OneWayPartitions(Containers);
    private PacketFaults Packets => field ??= new PacketFaults(Containers);
    private ProcessSignals Signals => field ??= new ProcessSignals(Containers, settings.ServerUser);
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
    public Task ResetClocksAsync(CancellationToken cancellationToken) => settings.Faketime ? Clocks.ResetAllAsync(cancellationToken) : Task.CompletedTask;
    public Task<IReadOnlyDictionary<string, double>> ClockOffsetsAsync(CancellationToken cancellationToken) => Clocks.OffsetsAsync(cancellationToken);

    public Task<string> FillDiskAsync(string node, CancellationToken cancellationToken) =>
        settings.DataTmpfsMegabytes > 0 ? Disk.FillAsync(node, cancellationToken)
            : throw new InvalidOperationException("the data directory is not on a tmpfs (set the data-tmpfs-mb option)");
    public Task FreeDiskAsync(CancellationToken cancellationToken) => settings.DataTmpfsMegabytes > 0 ? Disk.FreeAllAsync(cancellationToken) : Task.CompletedTask;

    private ClockControl RequireFaketime() => settings.Faketime ? Clocks
        : throw new InvalidOperationException($"{settings.ServerName} does not run under libfaketime (the cluster was made without Faketime)");
}

/// <summary>What the Docker-level faults of a <see cref="ServerContainerDatabase"/> need to know about its server.</summary>
/// <param name="ServerName">The server as an error message names it ("mariadbd", "the postgres servers").</param>
/// <param name="ServerUser">The user whose processes SIGSTOP / SIGCONT reach.</param>
/// <param name="DataDirectory">Where the data directory (tmpfs, for disk full) is mounted.</param>
/// <param name="DataTmpfsMegabytes">The tmpfs size; 0: the disk-full fault is not armed.</param>
/// <param name="Faketime">Whether the server runs under libfaketime (the clock faults are armed).</param>
public sealed record ServerFaultSettings(string ServerName, string ServerUser, string DataDirectory, int DataTmpfsMegabytes, bool Faketime);
