namespace Harness.Core.Faults;

/// <summary>
/// A network partition as data (Jepsen's grudge): for each node, the set of nodes whose traffic it drops.
/// Computed purely here, applied by a database's <c>IPartitionable</c> with iptables, so the topology can be
/// unit-tested without a cluster. Grudges are symmetric unless built otherwise.
/// </summary>
public sealed class Grudge
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Drops { get; }

    public Grudge(IReadOnlyDictionary<string, IReadOnlySet<string>> drops) => Drops = drops;

    /// <summary>Cuts every link between different components (Jepsen's complete-grudge).</summary>
    public static Grudge Complete(IReadOnlyList<IReadOnlyList<string>> components)
    {
        var drops = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var component in components)
        {
            var others = components.Where(c => !ReferenceEquals(c, component)).SelectMany(c => c).ToHashSet();
            foreach (var node in component) drops[node] = others;
        }
        return new Grudge(drops);
    }

    /// <summary>One node cut off from all others.</summary>
    public static Grudge Isolate(IReadOnlyList<string> nodes, string victim) =>
        Complete([[victim], nodes.Where(n => n != victim).ToList()]);

    /// <summary>Splits the nodes (in the given order) into a smaller first half and a larger second half.</summary>
    public static Grudge Halves(IReadOnlyList<string> nodes)
    {
        var cut = nodes.Count / 2;
        return Complete([nodes.Take(cut).ToList(), nodes.Skip(cut).ToList()]);
    }

    /// <summary>Two halves that both see one bridge node in the middle (Jepsen's bridge); needs 3+ nodes.</summary>
    public static Grudge Bridge(IReadOnlyList<string> nodes)
    {
        var mid = nodes.Count / 2;
        var left = nodes.Take(mid).ToList();
        var right = nodes.Skip(mid + 1).ToList();
        var drops = new Dictionary<string, IReadOnlySet<string>>
        {
            [nodes[mid]] = new HashSet<string>(),
        };
        foreach (var n in left) drops[n] = right.ToHashSet();
        foreach (var n in right) drops[n] = left.ToHashSet();
        return new Grudge(drops);
    }

    /// <summary>True if <paramref name="from"/> and <paramref name="to"/> can still exchange traffic.</summary>
    public bool Connected(string from, string to) =>
        !(Drops.TryGetValue(from, out var a) && a.Contains(to)) && !(Drops.TryGetValue(to, out var b) && b.Contains(from));

    public override string ToString() =>
        string.Join(", ", Drops.Where(kv => kv.Value.Count > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} drops {string.Join("/", kv.Value.Order(StringComparer.Ordinal))}"));
}
