using Harness.Core.Faults;

namespace Harness.Docker;

/// <summary>
/// One-way partitions: each node the grudge names drops, in a filter-table chain of its own (<see cref="Chain"/>),
/// the packets that arrive from its peers, and nothing it sends (<see cref="Grudge.OneWay"/>). Healing flushes that
/// chain only; the two-way partition heal (a flush of the whole filter table) removes it too.
/// </summary>
public sealed class OneWayPartitions(ContainerCluster cluster)
{
    public const string Chain = "HARNESS_ONEWAY";

    public static string HealScript { get; } = $"iptables -w -F {Chain} 2>/dev/null; true";

    /// <summary>The script a node runs to drop what arrives from <paramref name="fromIps"/>.</summary>
    public static string ApplyScript(IReadOnlyList<string> fromIps) => string.Join('\n',
        new[]
        {
            "set -e",
            $"iptables -w -N {Chain} 2>/dev/null || true",
            $"iptables -w -C INPUT -j {Chain} 2>/dev/null || iptables -w -I INPUT 1 -j {Chain}",
        }.Concat(fromIps.Distinct().Order(StringComparer.Ordinal).Select(ip => $"iptables -w -A {Chain} -s {ip} -j DROP")));

    public async Task ApplyAsync(Grudge grudge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grudge);
        await Task.WhenAll(grudge.Drops.Where(kv => kv.Value.Count > 0).Select(kv =>
            NodeExec.RunAsync(cluster, kv.Key, ApplyScript(kv.Value.Where(p => p != kv.Key).Select(cluster.Ip).ToList()), "one-way partition", cancellationToken)))
            .ConfigureAwait(false);
    }

    public Task HealAsync(CancellationToken cancellationToken) =>
        NodeExec.RunEverywhereAsync(cluster, HealScript, "healing one-way partitions", cancellationToken);
}
