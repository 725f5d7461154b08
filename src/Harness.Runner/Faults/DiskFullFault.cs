using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>disk-full</c>: fill the data file system (a size-limited tmpfs) of a node, or the primary, with a filler
/// file; delete it at the end. Needs a database whose data directory is on such a tmpfs.</summary>
public sealed class DiskFullFault : IFaultModule
{
    private const string DefaultTargets = "one,primary";

    public string Name => "disk-full";
    public string Summary => "fill a node's data file system (a size-limited tmpfs) so writes fail with out-of-space; delete the filler at the end";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Disk };
    public IReadOnlyList<OptionDef> Options { get; } = [NodeTarget.Option(DefaultTargets)];
    public string Colour => "#ff9da7";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) =>
        NodeTarget.Pick(nodes, random, NodeTarget.ParseKinds(options, DefaultTargets));

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options)
    {
        _ = NodeTarget.ParseKinds(options, DefaultTargets);
        return new DiskNemesis((IDiskFillable)cluster, cluster.Nodes, cluster as IHasPrimary);
    }
}
