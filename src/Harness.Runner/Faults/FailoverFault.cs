using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>failover</c>: kill the primary and promote the most advanced standby; when the fault ends the old
/// primary rejoins as a standby of the new one.</summary>
public sealed class FailoverFault : IFaultModule
{
    public string Name => "failover";
    public string Summary => "kill the primary, promote the most advanced standby, rejoin the old primary as a standby at the end";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Failover };
    public IReadOnlyList<OptionDef> Options { get; } = [];
    public string Colour => "#c0392b";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) => null;

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) => new FailoverNemesis((IPromotable)cluster);
}
