using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>partition-one-way</c>: a node (random, or the primary one time in three) drops every packet its peers
/// send it while they still receive its packets; heal removes the rules.</summary>
public sealed class OneWayPartitionFault : IFaultModule
{
    public string Name => "partition-one-way";
    public string Summary => "one-way partition: a node (or the primary) cannot hear its peers, who still hear it";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.OneWay };
    public IReadOnlyList<OptionDef> Options { get; } = [];
    public string Colour => "#76b7b2";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) => NodeTarget.Pick(nodes, random);

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        new OneWayPartitionNemesis((IOneWayPartitionable)cluster, cluster.Nodes, cluster as IHasPrimary);
}
