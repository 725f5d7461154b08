namespace Harness.Core.Faults;

/// <summary>
/// A network partition as data (Jepsen's grudge): for each node, the set of nodes whose traffic it drops.
/// Computed purely here, applied by a database's <c>IPartitionable</c> with iptables, so the topology can be
/// unit-tested without a cluster. Grudges are symmetric unless built otherwise; a <see cref="OneWay"/> grudge drops
/// only what arrives, so the other direction keeps working. The shapes follow Jepsen's <c>nemesis.clj</c>.
/// </summary>
public sealed class Grudge
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Drops { get; }

    /// <summary>True when a node drops only the packets that arrive from the nodes it names (one-way partition);
    /// false when the link is cut both ways.</summary>
    public bool OneWay { get; }

    public Grudge(IReadOnlyDictionary<string, IReadOnlySet<string>> drops, bool oneWay = false)
    {
        Drops = drops;
        OneWay = oneWay;
    }

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

    /// <summary>Halves after a seeded shuffle (Jepsen's random-halves); the shuffled order is the caller's.</summary>
    public static Grudge RandomHalves(IReadOnlyList<string> nodes, Random random) =>
        Halves(nodes.OrderBy(_ => random.Next()).ToList());

    /// <summary>
    /// Each node sees a majority, and no two nodes see the same one (Jepsen's majorities-ring): with the nodes on a
    /// ring in the given order, a node keeps the neighbours within ring distance d (the smallest d for which 2d+1 is a
    /// majority) and drops the rest. Three nodes cannot be cut that way symmetrically, so there the link between the
    /// first two is cut: both still see a majority (themselves and the third), and the third sees everyone.
    /// </summary>
    public static Grudge MajoritiesRing(IReadOnlyList<string> nodes)
    {
        var n = nodes.Count;
        if (n < 3) throw new ArgumentException("majorities-ring needs 3 or more nodes", nameof(nodes));
        var drops = nodes.ToDictionary(x => x, _ => (IReadOnlySet<string>)new HashSet<string>());
        if (n == 3)
        {
            drops[nodes[0]] = new HashSet<string> { nodes[1] };
            drops[nodes[1]] = new HashSet<string> { nodes[0] };
            return new Grudge(drops);
        }
        var majority = n / 2 + 1;
        var reach = majority / 2; // the smallest d with 2d + 1 >= majority
        for (var i = 0; i < n; i++)
        {
            var far = new HashSet<string>();
            for (var j = 0; j < n; j++)
            {
                var d = Math.Abs(i - j);
                if (Math.Min(d, n - d) > reach) far.Add(nodes[j]);
            }
            drops[nodes[i]] = far;
        }
        return new Grudge(drops);
    }

    /// <summary>Fewer than a third of the nodes (at least one; the first ones in the given order) cut off from the rest.</summary>
    public static Grudge MinorityThird(IReadOnlyList<string> nodes)
    {
        var cut = Math.Max(1, (nodes.Count - 1) / 3);
        return Complete([nodes.Take(cut).ToList(), nodes.Skip(cut).ToList()]);
    }

    /// <summary>A one-way partition: <paramref name="deaf"/> drops everything the other nodes send it, while they
    /// still receive what it sends (a node that talks but cannot hear).</summary>
    public static Grudge OneWayInto(IReadOnlyList<string> nodes, string deaf)
    {
        var drops = new Dictionary<string, IReadOnlySet<string>>
        {
            [deaf] = nodes.Where(n => n != deaf).ToHashSet(),
        };
        return new Grudge(drops, oneWay: true);
    }

    /// <summary>True if packets sent by <paramref name="from"/> arrive at <paramref name="to"/>.</summary>
    public bool Reaches(string from, string to) =>
        !(Drops.TryGetValue(to, out var inbound) && inbound.Contains(from)) &&
        (OneWay || !(Drops.TryGetValue(from, out var outbound) && outbound.Contains(to)));

    /// <summary>True if <paramref name="from"/> and <paramref name="to"/> can still exchange traffic.</summary>
    public bool Connected(string from, string to) => Reaches(from, to) && Reaches(to, from);

    public override string ToString() =>
        string.Join(", ", Drops.Where(kv => kv.Value.Count > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} drops {(OneWay ? "packets from " : "")}{string.Join("/", kv.Value.Order(StringComparer.Ordinal))}"));
}
