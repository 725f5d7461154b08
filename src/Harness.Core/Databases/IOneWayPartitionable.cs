namespace Harness.Core.Databases;

/// <summary>
/// One-way partitions: a node drops what arrives from some peers while they still receive what it sends (a
/// <see cref="Faults.Grudge"/> with <see cref="Faults.Grudge.OneWay"/> set). Healed on its own, and also by the
/// two-way partition heal (<see cref="IPartitionable.HealNetworkAsync"/>).
/// </summary>
public interface IOneWayPartitionable
{
    /// <summary>Makes each node in the grudge drop the packets that arrive from the nodes it names (inbound only).</summary>
    Task ApplyOneWayAsync(Faults.Grudge grudge, CancellationToken cancellationToken);

    /// <summary>Removes every one-way rule on every node.</summary>
    Task HealOneWayAsync(CancellationToken cancellationToken);
}
