using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>kill-recovery</c>: SIGKILL the targets, start them, and kill them again <c>into-recovery-ms</c> later,
/// while they are still recovering; start them for good when the fault ends.</summary>
public sealed class KillRecoveryFault : IFaultModule
{
    private const string DefaultTargets = "one,primary";

    public string Name => "kill-recovery";
    public string Summary => "SIGKILL nodes, restart them, and kill them again while they are still recovering; start them at the end";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Kill };
    public IReadOnlyList<OptionDef> Options { get; } =
    [
        NodeTarget.Option(DefaultTargets),
        OptionDef.Integer("into-recovery-ms", "Milliseconds after the restart that the second kill comes", 300, 0, 60_000),
    ];
    public string Colour => "#8a4f7d";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) =>
        NodeTarget.Pick(nodes, random, NodeTarget.ParseKinds(options, DefaultTargets));

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options)
    {
        _ = NodeTarget.ParseKinds(options, DefaultTargets);
        return new KillRecoveryNemesis((IKillable)cluster, cluster as IHasPrimary, cluster.Nodes, TimeSpan.FromMilliseconds(options.Integer("into-recovery-ms")));
    }
}
