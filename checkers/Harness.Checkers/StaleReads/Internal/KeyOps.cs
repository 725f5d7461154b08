namespace Harness.Checkers.StaleReads.Internal;

/// <summary>Everything that touched one register: its writes (any outcome) and its Ok reads, in invocation order.
/// <see cref="Key"/> is null for a history of a single unkeyed register.</summary>
internal sealed class KeyOps(object? key)
{
    public object? Key { get; } = key;
    public List<RegisterWrite> Writes { get; } = [];
    public List<RegisterRead> Reads { get; } = [];
}
