using Harness.Checkers.Leaderless;
using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;

namespace Harness.Integration.Tests.Swift;

/// <summary>Swift test specs for whole runs, and the replica samples a run wrote (<c>convergence.jsonl</c>).</summary>
internal static class SwiftRuns
{
    public static TestSpec Spec(string name, string workload, double seconds, params string[] nemesis) =>
        RunFixture.Short(name, workload, nemesis) with
        {
            Database = "swift",
            Nodes = 5,
            ConcurrencyPerNode = 1,
            Rate = 25,
            TimeLimitSeconds = seconds,
            RecoverySeconds = 5,
            FinalPhaseSeconds = 20,
            OperationTimeoutSeconds = 8,
            Seed = 12,
        };

    public static ReplicaLog Log(RunOutcome run) => ReplicaLog.Read(Path.Combine(run.Directory, "convergence.jsonl"));
}
