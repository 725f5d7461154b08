using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Network partitions. The schedule says which shape, as <c>[shape, n1, n2, ...]</c> with a seeded node order (see
/// <see cref="PartitionShape"/>); <c>["primary", ...]</c> puts whichever node is primary at that moment first. The
/// grudge is computed purely and applied by the cluster with iptables; the op records the shape and the cut links.
/// Clients on the host still reach every node, as in Jepsen.
/// </summary>
public sealed class PartitionNemesis(IPartitionable cluster, IReadOnlyList<string> nodes, IHasPrimary? primary = null) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = ["partition"];

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-partition")
        {
            await cluster.HealNetworkAsync(cancellationToken).ConfigureAwait(false);
            return "network healed";
        }
        var (shape, order) = ShapeOf(value);
        if (shape == PartitionShape.Primary && primary is not null)
        {
            var current = await primary.PrimaryAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("no primary to cut off");
            order = [current, .. order.Where(n => n != current)];
        }
        var grudge = PartitionShape.For(shape, nodes, order);
        FaultPhaseLog.Current?.Set("grudge", GrudgeValue(grudge));
        await cluster.ApplyGrudgeAsync(grudge, cancellationToken).ConfigureAwait(false);
        return $"{shape}: {grudge}";
    }

    /// <summary>The grudge a start value stands for (the primary, if asked for, is taken to be first in the order).</summary>
    public static Grudge GrudgeFor(object? value, IReadOnlyList<string> nodes)
    {
        var (shape, order) = ShapeOf(value);
        return PartitionShape.For(shape, nodes, order);
    }

    private static (string Shape, List<string> Order) ShapeOf(object? value)
    {
        var spec = value as IReadOnlyList<object?> ?? [PartitionShape.Halves];
        var shape = spec.Count > 0 && spec[0] is string s ? s : PartitionShape.Halves;
        return (shape, spec.Skip(1).OfType<string>().ToList());
    }

    /// <summary>The grudge as a history value: node -> the nodes it drops traffic from (nodes with no grudge left out).</summary>
    public static IReadOnlyDictionary<string, object?> GrudgeValue(Grudge grudge) =>
        grudge.Drops.Where(kv => kv.Value.Count > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Order(StringComparer.Ordinal).Cast<object?>().ToList(), StringComparer.Ordinal);

    public Task HealAllAsync(CancellationToken cancellationToken) => cluster.HealNetworkAsync(cancellationToken);
}
