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
        OptionDef.Integer("data-tmpfs-mb", "Put each node's data directory on a tmpfs of this many MiB (0: no; the disk-full fault needs it, and it rules out kill faults, since a tmpfs does not survive a restart)", 0, 0, 16_384),
    ];

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Capability.Kill, Capability.Pause, Capability.Partition, Capability.Primary, Capability.Lag,
        Capability.OneWay, Capability.Packet, Capability.Signal, Capability.Clock, Capability.Disk,
    };

    /// <summary>Faults that restart a node cannot run on a tmpfs data directory; disk-full needs one.</summary>
    public IEnumerable<string> Validate(TestSpec test)
    {
        var tmpfs = test.DatabaseOptions.Integer("data-tmpfs-mb") > 0;
        if (test.Nemesis.Contains("disk-full") && !tmpfs)
            yield return "the disk-full fault needs the data directory on a tmpfs: set --data-tmpfs-mb (e.g. 256)";
        var restarting = test.Nemesis.Intersect(["kill", "kill-recovery"]).ToList();
        if (tmpfs && restarting.Count > 0)
            yield return $"--data-tmpfs-mb rules out {string.Join(", ", restarting)}: a restarted node would come back with an empty data directory";
    }

    /// <summary>The cluster options every MariaDB kind takes from the test.</summary>
    protected static MariaDbClusterOptions ClusterOptions(int nodes, TestSpec test, ModuleContext context) =>
        new(nodes, context.RunId, context.BaseImage)
        {
            Faketime = test.Nemesis.Contains("clock"),
            DataTmpfsMegabytes = (int)test.DatabaseOptions.Integer("data-tmpfs-mb"),
        };

    public IReadOnlyList<string> Workloads { get; } = ["register", "set", "list-append"];

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) =>
        MariaDbImage.EnsureAsync(context.BaseImage, context.Progress, cancellationToken);

    public abstract IDatabase CreateCluster(TestSpec test, ModuleContext context);

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test) =>
        MariaDbClients.For(workload, test, ((MariaDbCluster)cluster).Endpoints, Name);
}
