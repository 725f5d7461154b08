using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>pause</c>: freeze every process of the targets (one node, the primary, a minority, a majority or all)
/// with the cgroup freezer and resume them together when the fault ends: a stalled VM.</summary>
public sealed class PauseFault : IFaultModule
{
    private const string DefaultTargets = "one,primary";

    public string Name => "pause";
    public string Summary => "freeze whole nodes (one, the primary, a minority, a majority or all) with the cgroup freezer, resume at the end";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Pause };
    public IReadOnlyList<OptionDef> Options { get; } = [NodeTarget.Option(DefaultTargets)];
    public string Colour => "#9c755f";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) =>
        NodeTarget.Pick(nodes, random, NodeTarget.ParseKinds(options, DefaultTargets));

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options)
    {
        _ = NodeTarget.ParseKinds(options, DefaultTargets);
        return NodeFaultNemesis.Pause((IPausable)cluster, cluster as IHasPrimary, cluster.Nodes);
    }
}
