using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>partition</c>: iptables network partitions, each time in a shape drawn from <c>shapes</c> (see
/// <see cref="PartitionShape"/>: one node isolated, halves, random halves, majorities-ring, bridge, minority-third,
/// the primary alone); heal flushes the rules. The start op records the shape and the node order.</summary>
public sealed class PartitionFault : IFaultModule
{
    private static readonly string DefaultShapes = string.Join(",", PartitionShape.TwoWay);

    public string Name => "partition";
    public string Summary => "network partitions (isolate, halves, random-halves, majorities-ring, bridge, minority-third, primary), iptables DROP inside the nodes";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Partition };
    public IReadOnlyList<OptionDef> Options { get; } =
        [OptionDef.Text("shapes", "Comma-separated partition shapes drawn at random: " + string.Join(" | ", PartitionShape.TwoWay), DefaultShapes)];
    public string Colour => "#4e79a7";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random)
    {
        var shapes = Shapes(options).Where(s => nodes.Count >= PartitionShape.MinimumNodes(s)).DefaultIfEmpty(PartitionShape.Isolate).ToList();
        var shape = shapes[random.Next(shapes.Count)];
        IEnumerable<string> order = shape is PartitionShape.Halves or PartitionShape.Primary ? nodes : nodes.OrderBy(_ => random.Next()).ToList();
        return new object?[] { shape }.Concat(order).ToArray();
    }

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options)
    {
        _ = Shapes(options);
        return new PartitionNemesis((IPartitionable)cluster, cluster.Nodes, cluster as IHasPrimary);
    }

    private static List<string> Shapes(ModuleOptions options)
    {
        var text = options.TryGetValue("shapes", out var v) ? v : DefaultShapes;
        var shapes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = shapes.Where(s => !PartitionShape.TwoWay.Contains(s)).ToList();
        if (shapes.Count == 0 || unknown.Count > 0)
            throw new ArgumentException($"partition shapes must be some of {string.Join(", ", PartitionShape.TwoWay)} (got '{text}')");
        return shapes;
    }
}
