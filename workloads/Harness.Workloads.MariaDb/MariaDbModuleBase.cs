using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.MariaDb.Workloads;

namespace Harness.Workloads.MariaDb;

/// <summary>What the two MariaDB modules share: the image, the isolation option, and clients for register, set and
/// list-append that all use their own node (every node takes writes).</summary>
public abstract class MariaDbModuleBase : IDatabaseModule
{
    public abstract string Name { get; }
    public abstract string Summary { get; }
    public abstract NodeRange NodeCount { get; }

    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Choice("isolation", "Transaction isolation for list-append: read-committed | repeatable-read | serializable", "serializable",
            "read-committed", "repeatable-read", "serializable"),
    ];

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Capability.Kill, Capability.Pause, Capability.Partition, Capability.Primary, Capability.Lag,
        Capability.OneWay, Capability.Packet, Capability.Signal, Capability.Clock,
    };

    public IReadOnlyList<string> Workloads { get; } = ["register", "set", "list-append"];

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) =>
        MariaDbImage.EnsureAsync(context.BaseImage, context.Progress, cancellationToken);

    public abstract IDatabase CreateCluster(TestSpec test, ModuleContext context);

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test) =>
        MariaDbClients.For(workload, test, ((MariaDbCluster)cluster).Endpoints, Name);
}
