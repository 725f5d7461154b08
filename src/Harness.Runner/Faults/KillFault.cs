using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>kill</c>: SIGKILL a node's server (a random node, or the current primary one time in three) and
/// start it again when the fault ends.</summary>
public sealed class KillFault : IFaultModule
{
    public string Name => "kill";
    public string Summary => "SIGKILL a node (or the primary), start it again at the end of the fault";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Kill };
    public IReadOnlyList<OptionDef> Options { get; } = [];
    public string Colour => "#b07aa1";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) => NodeTarget.Pick(nodes, random);

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        NodeFaultNemesis.Kill((IKillable)cluster, cluster as IHasPrimary, cluster.Nodes);
}
