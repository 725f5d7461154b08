using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Workloads.MariaDb;

/// <summary>The <c>galera</c> module: MariaDB 10.11 with Galera 4, synchronous multi-master (<see cref="GaleraCluster"/>).</summary>
public sealed class GaleraModule : MariaDbModuleBase
{
    public override string Name => "galera";
    public override string Summary => "MariaDB 10.11 Galera cluster: synchronous (virtually synchronous) multi-master";
    public override NodeRange NodeCount => new(2, 9, 3);

    public override IDatabase CreateCluster(TestSpec test, ModuleContext context) =>
        new GaleraCluster(ClusterOptions(test.NodeCount, test, context), context.Progress);
}
