using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>pause</c>: freeze every process of a node (a random node, or the current primary one time in
/// three) and resume it when the fault ends: a long GC pause or a stalled VM.</summary>
public sealed class PauseFault : IFaultModule
{
    public string Name => "pause";
    public string Summary => "freeze a node (or the primary) with the cgroup freezer, resume it at the end of the fault";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Pause };
    public IReadOnlyList<OptionDef> Options { get; } = [];
    public string Colour => "#9c755f";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) => NodeTarget.Pick(nodes, random);

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        NodeFaultNemesis.Pause((IPausable)cluster, cluster as IHasPrimary, cluster.Nodes);
}
