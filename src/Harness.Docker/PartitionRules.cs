using Harness.Core.Faults;

namespace Harness.Docker;

/// <summary>
/// Turns a <see cref="Grudge"/> into iptables commands, purely (so the mapping is unit-tested without Docker).
/// A node that drops a peer gets, inside its own network namespace, one rule dropping what arrives from the
/// peer's IP and one dropping what it sends to it; a symmetric grudge thus cuts the link on both ends, and
/// still holds if one end cannot be reached (paused) when it is applied. Healing is a flush of every node.
/// </summary>
public static class PartitionRules
{
    /// <summary>The command every node runs to heal: flush the filter table.</summary>
    public static IReadOnlyList<string> HealCommand { get; } = ["iptables", "-w", "-F"];

    /// <summary>For each node that drops someone, its iptables commands (argument vectors), in a stable order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Commands(
        Grudge grudge, Func<string, string> ipOf)
    {
        ArgumentNullException.ThrowIfNull(grudge);
        ArgumentNullException.ThrowIfNull(ipOf);
        var result = new SortedDictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (node, peers) in grudge.Drops.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var commands = new List<IReadOnlyList<string>>();
            foreach (var peer in peers.Where(p => p != node).Order(StringComparer.Ordinal))
            {
                var ip = ipOf(peer);
                commands.Add(["iptables", "-w", "-A", "INPUT", "-s", ip, "-j", "DROP"]);
                commands.Add(["iptables", "-w", "-A", "OUTPUT", "-d", ip, "-j", "DROP"]);
            }
            if (commands.Count > 0) result[node] = commands;
        }
        return result;
    }

    /// <summary>The commands of one node joined into a single <c>sh -c</c> script (fails on the first failing command).</summary>
    public static string Script(IReadOnlyList<IReadOnlyList<string>> commands) =>
        string.Join(" && ", commands.Select(c => string.Join(' ', c)));
}
