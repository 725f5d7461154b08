using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>delay</c>: slow links into a node (or into every standby): packets from its peers arrive
/// <c>ms</c> ± <c>jitter-ms</c> late (nfqdelay on the receiving side, since this kernel has no netem).</summary>
public sealed class DelayFault : IFaultModule
{
    public string Name => "delay";
    public string Summary => "slow links: a node (or every standby) receives its peers' packets late (nfqdelay)";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Delay };
    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Integer("ms", "Delay of each packet in milliseconds", 300, 1, 60_000),
        OptionDef.Integer("jitter-ms", "Uniform jitter around the delay in milliseconds", 30, 0, 60_000),
    ];
    public string Colour => "#8e7cc3";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) =>
        random.Next(2) == 0 ? "standbys" : nodes[random.Next(nodes.Count)];

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        new DelayNemesis((IDelayable)cluster, cluster.Nodes, cluster as IHasPrimary, (int)options.Integer("ms"), (int)options.Integer("jitter-ms"));
}
