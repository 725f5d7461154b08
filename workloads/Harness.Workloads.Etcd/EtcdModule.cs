using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Etcd.Workloads;

namespace Harness.Workloads.Etcd;

/// <summary>
/// The etcd 3.4 module: a Raft cluster of 3 (or 1-7) members bootstrapped statically (<see cref="EtcdCluster"/>);
/// clients for register and set, each process on its own member; reads linearizable or serializable; the current
/// leader as the primary and raft-index lag per member. No failover capability: Raft elects a new leader by itself.
/// No clock fault: libfaketime does not reach Go's clock (cluster-facts §5).
/// </summary>
public sealed class EtcdModule : IDatabaseModule
{
    public string Name => "etcd";
    public string Summary => "etcd 3.4: a Raft cluster (static bootstrap), linearizable or serializable reads";

    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Choice("read-consistency", "etcd reads: linearizable (through the leader) | serializable (the member's own store, may be stale)",
            "linearizable", "linearizable", "serializable"),
        OptionDef.Integer("heartbeat-interval", "etcd Raft heartbeat interval in milliseconds", 100, 10, 10_000),
        OptionDef.Integer("election-timeout", "etcd Raft election timeout in milliseconds (at least 5 heartbeats)", 1000, 50, 50_000),
    ];

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>
    {
        Capability.Kill, Capability.Pause, Capability.Partition, Capability.Primary, Capability.Lag,
    };

    public IReadOnlyList<string> Workloads { get; } = ["register", "set"];

    public NodeRange NodeCount => new(1, 7, 3);

    public IEnumerable<string> Validate(TestSpec test) =>
        EtcdClusterOptions.CheckTimeouts(test.DatabaseOptions.Integer("heartbeat-interval"), test.DatabaseOptions.Integer("election-timeout")) is { } problem
            ? [problem]
            : [];

    public string? NameSuffix(TestSpec test) => test.DatabaseOptions.Text("read-consistency");

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) =>
        EtcdImage.EnsureAsync(context.BaseImage, context.Progress, cancellationToken);

    public IDatabase CreateCluster(TestSpec test, ModuleContext context) => new EtcdCluster(
        new EtcdClusterOptions(test.NodeCount, context.RunId, context.BaseImage,
            (int)test.DatabaseOptions.Integer("heartbeat-interval"), (int)test.DatabaseOptions.Integer("election-timeout")),
        context.Progress);

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test)
    {
        var etcd = (EtcdCluster)cluster;
        return workload switch
        {
            "register" => RegisterClients.Create(etcd, test),
            "set" => SetClients.Create(etcd, test),
            _ => throw new ArgumentException($"etcd has no client for the '{workload}' workload"),
        };
    }
}
