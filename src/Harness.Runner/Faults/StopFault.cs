using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>stop</c>: SIGSTOP the database processes alone on the targets (the node's network and helpers keep
/// running), SIGCONT when the fault ends: a long garbage-collection or I/O stall of the server.</summary>
public sealed class StopFault : IFaultModule
{
    private const string DefaultTargets = "one,primary";

    public string Name => "stop";
    public string Summary => "SIGSTOP the database process alone (a long GC-like stall) on one, the primary, a minority, a majority or all; SIGCONT at the end";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Signal };
    public IReadOnlyList<OptionDef> Options { get; } = [NodeTarget.Option(DefaultTargets)];
    public string Colour => "#7f6a5a";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) =>
        NodeTarget.Pick(nodes, random, NodeTarget.ParseKinds(options, DefaultTargets));

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options)
    {
        _ = NodeTarget.ParseKinds(options, DefaultTargets);
        return NodeFaultNemesis.Stop((IProcessSignalable)cluster, cluster as IHasPrimary, cluster.Nodes);
    }
}
