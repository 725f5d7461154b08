using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// The leaderless analyses as a checker module: on any database that declares <see cref="Capability.Replicas"/>
/// (its replicas are sampled to the run directory), register runs get last-writer-wins loss, sloppy-quorum
/// visibility (when the run had partitions) and convergence with replica placement; set runs get convergence and
/// placement. Registered once beside the databases, workloads and faults.
/// </summary>
public sealed class LeaderlessCheckers : ICheckerModule
{
    public string Name => "leaderless";

    public string Summary => "leaderless stores: acknowledged writes lost to last-writer-wins, reads that missed a write across a partition, " +
                             "convergence after heal and replica placement, from replicas read on every node";

    public string Requires => Capability.Replicas;

    public IReadOnlyList<string> Workloads { get; } = ["register", "set"];

    public IChecker Create(TestSpec test, string runDirectory) =>
        new LeaderlessChecker(test.Workload == "register", Path.Combine(runDirectory, Core.Databases.IReplicaObservable.SamplesFile));
}
