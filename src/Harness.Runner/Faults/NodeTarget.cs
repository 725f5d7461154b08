namespace Harness.Runner.Faults;

/// <summary>The target of a node fault: the current primary one time in three (resolved when the fault starts;
/// the first node on a database without one), else a random node.</summary>
public static class NodeTarget
{
    public static object Pick(IReadOnlyList<string> nodes, Random random) =>
        random.Next(3) == 0 ? "primary" : nodes[random.Next(nodes.Count)];
}
