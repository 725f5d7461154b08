using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Swift.Workloads;

namespace Harness.Workloads.Swift;

/// <summary>
/// The OpenStack Swift 2.30 module, the leaderless (Dynamo-style) family: a consistent-hashing ring of 3 replicas
/// over N storage nodes, a proxy on every node, sloppy write quorums with hinted handoff, one-replica reads (or
/// <c>X-Newest</c>), last-writer-wins by proxy timestamp, and anti-entropy by the replicators. Clients for register
/// and set; faults kill, pause, partition and delay; a proxy clock offset per node (libfaketime) for LWW under skew.
/// </summary>
public sealed class SwiftModule : IDatabaseModule
{
    public string Name => "swift";
    public string Summary => "OpenStack Swift 2.30: leaderless object store, 3 replicas on a ring, a proxy per node, sloppy quorum, LWW";

    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Choice("read-mode", "Reads: one (one replica, Swift's default) | newest (X-Newest: every primary, newest wins)", "one", "one", "newest"),
        OptionDef.Choice("coordinator", "Proxy per request: local (the process's node) | random (any node) | fixed (the first node)", "local", "local", "random", "fixed"),
        OptionDef.Flag("read-affinity", "A proxy prefers its own node's replica for reads (false: a random primary)", true),
        OptionDef.Integer("object-replicator-interval", "Seconds between object-replicator passes (anti-entropy)", 2, 1, 3600),
        OptionDef.Integer("replicator-interval", "Seconds between account/container replicator and object-updater passes", 30, 1, 3600),
        OptionDef.Integer("part-power", "Ring part power (2^n partitions; small keeps replicator passes cheap)", 6, 2, 16),
        OptionDef.Text("proxy-clock-offset", "Proxy clocks set off at start with libfaketime, node:seconds[,...] (e.g. swift3:-5)", ""),
        OptionDef.Integer("convergence-window", "Seconds to poll replicas after a heal until they agree (convergence.jsonl)", 20, 1, 600),
        OptionDef.Integer("probe-objects", "How many recently written objects the convergence probe reads", 60, 1, 10_000),
        OptionDef.Integer("health-timeout", "Seconds the cluster may take to become healthy (every proxy round-trips a PUT and GET); at load 100 on 2 cores the servers alone took 9 min", 1200, 30, 7200),
    ];

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Capability.Kill, Capability.Pause, Capability.Partition, Capability.Delay, Capability.Replicas,
    };

    public IReadOnlyList<string> Workloads { get; } = ["register", "set"];

    public NodeRange NodeCount => new(3, 9, 5);

    /// <summary>Swift has no compare-and-set, so the register workload only reads and writes (its cas would always
    /// fail, and a run would end unknown: "no Ok cas at all").</summary>
    public IReadOnlyDictionary<string, string> WorkloadDefaults(string workload) =>
        workload == "register" ? new Dictionary<string, string> { ["cas"] = "false" } : new Dictionary<string, string>();

    public IEnumerable<string> Validate(TestSpec test)
    {
        if (test.Workload == "register" && test.WorkloadOptions.Flag("cas"))
            return ["swift has no compare-and-set: the register workload runs with cas=false here"];
        IReadOnlyDictionary<string, double> offsets;
        try
        {
            offsets = SwiftClusterOptions.ParseOffsets(test.DatabaseOptions.Text("proxy-clock-offset"));
        }
        catch (FormatException e)
        {
            return [e.Message];
        }
        var nodes = Enumerable.Range(1, test.NodeCount).Select(i => $"swift{i}").ToHashSet();
        return offsets.Keys.Where(n => !nodes.Contains(n)).Select(n => $"--proxy-clock-offset names {n}, which is not a node (swift1..swift{test.NodeCount})");
    }

    public string? NameSuffix(TestSpec test) => test.DatabaseOptions.Text("read-mode") == "newest" ? "newest" : null;

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) =>
        SwiftImage.EnsureAsync(context.BaseImage, context.Progress, cancellationToken);

    public IDatabase CreateCluster(TestSpec test, ModuleContext context) =>
        new SwiftCluster(SwiftClusterOptions.From(test, context.RunId, context.BaseImage),
            Path.GetDirectoryName(Path.GetFullPath(context.LogDirectory)) ?? context.LogDirectory, context.Progress);

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test)
    {
        var endpoints = new SwiftEndpoints((SwiftCluster)cluster, test);
        return workload switch
        {
            "register" => RegisterClients.Create(endpoints),
            "set" => SetClients.Create(endpoints),
            _ => throw new ArgumentException($"swift has no client for the '{workload}' workload"),
        };
    }
}
