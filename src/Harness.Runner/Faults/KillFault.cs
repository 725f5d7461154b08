using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>kill</c>: SIGKILL the server of the targets (one node, the primary, a minority, a majority, or all at
/// once: a coordinated crash) and start them again together when the fault ends.</summary>
public sealed class KillFault : IFaultModule
{
    private const string DefaultTargets = "one,primary";

    public string Name => "kill";
    public string Summary => "SIGKILL nodes (one, the primary, a minority, a majority or all at once: a coordinated crash), start them again together at the end";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Kill };
    public IReadOnlyList<OptionDef> Options { get; } = [NodeTarget.Option(DefaultTargets)];
    public string Colour => "#b07aa1";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) =>
        NodeTarget.Pick(nodes, random, NodeTarget.ParseKinds(options, DefaultTargets));

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options)
    {
        _ = NodeTarget.ParseKinds(options, DefaultTargets);
        return NodeFaultNemesis.Kill((IKillable)cluster, cluster as IHasPrimary, cluster.Nodes);
    }
}
