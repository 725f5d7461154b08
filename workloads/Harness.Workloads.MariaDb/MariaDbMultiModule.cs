using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Workloads.MariaDb;

/// <summary>The <c>mariadb-multi</c> module: two MariaDB leaders, each an asynchronous replica of the other
/// (<see cref="MultiLeaderCluster"/>); always 2 nodes.</summary>
public sealed class MariaDbMultiModule : MariaDbModuleBase
{
    public override string Name => "mariadb-multi";
    public override string Summary => "two MariaDB leaders replicating to each other asynchronously (multi-leader; always 2 nodes)";
    public override NodeRange NodeCount => new(2, 2, 2);

    public override IDatabase CreateCluster(TestSpec test, ModuleContext context) =>
        new MultiLeaderCluster(ClusterOptions(2, test, context), context.Progress);
}
