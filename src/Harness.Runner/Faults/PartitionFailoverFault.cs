using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>partition-failover</c>: cut the primary off from its standbys for <c>isolation</c> seconds (it
/// keeps acknowledging what nobody receives), then fail over; heal and rejoin at the end.</summary>
public sealed class PartitionFailoverFault : IFaultModule
{
    public string Name => "partition-failover";
    public string Summary => "cut the primary off from its standbys for a while, then fail over (async loses acknowledged writes)";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Partition, Capability.Failover, Capability.Primary };
    public IReadOnlyList<OptionDef> Options { get; } =
        [OptionDef.Number("isolation", "Seconds the primary is cut off before the failover", 3, 0, 600)];
    public string Colour => "#e67e22";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) => null;

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        new PartitionFailoverNemesis((IPartitionable)cluster, (IPromotable)cluster, (IHasPrimary)cluster, cluster.Nodes,
            TimeSpan.FromSeconds(options.Number("isolation")));
}
