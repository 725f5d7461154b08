namespace Harness.Core.Faults;

/// <summary>
/// The partition shapes a schedule can ask for, by name, each a pure function from an ordering of the nodes to a
/// <see cref="Grudge"/>: <c>isolate</c> (the first node alone), <c>halves</c> (the schedule passes the natural order),
/// <c>random-halves</c> (it passes a seeded order), <c>majorities-ring</c>, <c>bridge</c>, <c>minority-third</c>,
/// <c>primary</c> (the current primary alone: the caller puts it first) and <c>one-way</c> (the first node hears
/// nobody but is heard by all). The schedule draws the order with its seeded random source, so a seed fixes the shape.
/// </summary>
public static class PartitionShape
{
    public const string Isolate = "isolate";
    public const string Halves = "halves";
    public const string RandomHalves = "random-halves";
    public const string MajoritiesRing = "majorities-ring";
    public const string Bridge = "bridge";
    public const string MinorityThird = "minority-third";
    public const string Primary = "primary";
    public const string OneWay = "one-way";

    /// <summary>Every two-way shape (cut with the ordinary partition mechanism).</summary>
    public static IReadOnlyList<string> TwoWay { get; } = [Isolate, Halves, RandomHalves, MajoritiesRing, Bridge, MinorityThird, Primary];

    /// <summary>The smallest cluster each shape makes sense for.</summary>
    public static int MinimumNodes(string shape) => shape is MajoritiesRing or Bridge ? 3 : 2;

    /// <summary>The grudge of <paramref name="shape"/> over <paramref name="nodes"/>; <paramref name="order"/> is the
    /// seeded ordering (the primary first for <see cref="Primary"/>).</summary>
    public static Grudge For(string shape, IReadOnlyList<string> nodes, IReadOnlyList<string> order)
    {
        if (order.Count == 0) order = nodes;
        return shape switch
        {
            Isolate or Primary => Grudge.Isolate(nodes, order[0]),
            Halves or RandomHalves => Grudge.Halves(order),
            MajoritiesRing => Grudge.MajoritiesRing(order),
            Bridge => Grudge.Bridge(order),
            MinorityThird => Grudge.MinorityThird(order),
            OneWay => Grudge.OneWayInto(nodes, order[0]),
            _ => throw new ArgumentException($"unknown partition shape '{shape}' (known: {string.Join(", ", TwoWay.Append(OneWay))})"),
        };
    }
}
