using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>
/// One-way partitions: <c>start-partition-one-way</c> with <c>[node]</c> (or <c>"primary"</c>) makes that node drop
/// everything its peers send it, while they still receive what it sends, e.g. a primary that streams its log but never
/// hears the standbys' acknowledgements. <c>stop-partition-one-way</c> removes the rules.
/// </summary>
public sealed class OneWayPartitionNemesis(IOneWayPartitionable cluster, IReadOnlyList<string> nodes, IHasPrimary? primary) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = ["partition-one-way"];

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-partition-one-way")
        {
            await cluster.HealOneWayAsync(cancellationToken).ConfigureAwait(false);
            return "one-way partitions healed";
        }
        var deaf = value as string ?? nodes[0];
        if (deaf == "primary")
            deaf = primary is null ? nodes[0]
                : await primary.PrimaryAsync(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("no primary to deafen");
        var grudge = PartitionShape.For(PartitionShape.OneWay, nodes, [deaf]);
        await cluster.ApplyOneWayAsync(grudge, cancellationToken).ConfigureAwait(false);
        return $"{PartitionShape.OneWay}: {grudge}";
    }

    public Task HealAllAsync(CancellationToken cancellationToken) => cluster.HealOneWayAsync(cancellationToken);
}
