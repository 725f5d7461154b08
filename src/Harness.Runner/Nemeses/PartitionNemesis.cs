using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Network partitions. The schedule says which one: <c>["isolate", node]</c> cuts one node off from all others,
/// <c>["halves", n1, n2, ...]</c> splits the listed order into a smaller and a larger half, <c>["bridge", ...]</c>
/// keeps one node in touch with both halves. The grudge is computed purely (<see cref="Grudge"/>) and applied by
/// the cluster with iptables. Clients on the host still reach every node, as in Jepsen.
/// </summary>
public sealed class PartitionNemesis(IPartitionable cluster, IReadOnlyList<string> nodes) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = ["partition"];

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-partition")
        {
            await cluster.HealNetworkAsync(cancellationToken).ConfigureAwait(false);
            return "network healed";
        }
        var grudge = GrudgeFor(value, nodes);
        FaultPhaseLog.Current?.Set("grudge", GrudgeValue(grudge));
        await cluster.ApplyGrudgeAsync(grudge, cancellationToken).ConfigureAwait(false);
        return grudge.ToString();
    }

    public static Grudge GrudgeFor(object? value, IReadOnlyList<string> nodes)
    {
        var spec = value as IReadOnlyList<object?> ?? ["halves"];
        var kind = spec.Count > 0 ? spec[0] as string : "halves";
        var order = spec.Skip(1).OfType<string>().ToList();
        if (order.Count == 0) order = [.. nodes];
        return kind switch
        {
            "isolate" => Grudge.Isolate(nodes, order[0]),
            "bridge" => Grudge.Bridge(order),
            _ => Grudge.Halves(order),
        };
    }

    /// <summary>The grudge as a history value: node -> the nodes it drops traffic from (nodes with no grudge left out).</summary>
    public static IReadOnlyDictionary<string, object?> GrudgeValue(Grudge grudge) =>
        grudge.Drops.Where(kv => kv.Value.Count > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Order(StringComparer.Ordinal).Cast<object?>().ToList(), StringComparer.Ordinal);

    public Task HealAllAsync(CancellationToken cancellationToken) => cluster.HealNetworkAsync(cancellationToken);
}
