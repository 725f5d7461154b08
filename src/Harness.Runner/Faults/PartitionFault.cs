using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>partition</c>: iptables network partitions in a random shape each time (one node isolated,
/// halves, or a bridge node that sees both halves); heal flushes the rules.</summary>
public sealed class PartitionFault : IFaultModule
{
    public string Name => "partition";
    public string Summary => "network partitions (one node isolated, halves, or a bridge), iptables DROP inside the nodes";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Partition };
    public IReadOnlyList<OptionDef> Options { get; } = [];
    public string Colour => "#4e79a7";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random)
    {
        var order = nodes.OrderBy(_ => random.Next()).ToList<object?>();
        return random.Next(3) switch
        {
            0 => new object?[] { "isolate", order[0] },
            1 when nodes.Count >= 3 => new object?[] { "bridge" }.Concat(order).ToArray(),
            _ => new object?[] { "halves" }.Concat(order).ToArray(),
        };
    }

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        new PartitionNemesis((IPartitionable)cluster, cluster.Nodes);
}
