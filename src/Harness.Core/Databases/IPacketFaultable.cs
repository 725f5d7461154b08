namespace Harness.Core.Databases;

/// <summary>
/// Packet faults on chosen links (the kernel here has no netem): a node receives the packets of some peers delayed
/// with jitter, lost, duplicated, reordered, corrupted or rate-limited, as a <see cref="Faults.PacketFault"/> says.
/// Independent of partitions and of <see cref="IDelayable"/> delays: each is set and healed on its own.
/// </summary>
public interface IPacketFaultable
{
    /// <summary>Applies <paramref name="fault"/> to what <paramref name="node"/> receives from <paramref name="fromNodes"/>
    /// (null: every other node); replaces an earlier packet fault on that node.</summary>
    Task ApplyPacketFaultAsync(string node, IReadOnlyList<string>? fromNodes, Faults.PacketFault fault, CancellationToken cancellationToken);

    /// <summary>Ends every packet fault on every node.</summary>
    Task ClearPacketFaultsAsync(CancellationToken cancellationToken);
}
