using Harness.Checkers.Leaderless;
using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;

namespace Harness.Integration.Tests.Swift;

/// <summary>Swift test specs for whole runs, and the leaderless checkers applied to what a run wrote (history and
/// <c>convergence.jsonl</c>).</summary>
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

    public static IReadOnlyList<ReplicaSample> Samples(RunOutcome run)
    {
        var file = Path.Combine(run.Directory, "convergence.jsonl");
        return File.Exists(file) ? File.ReadLines(file).Select(ReplicaSample.Parse).OfType<ReplicaSample>().ToList() : [];
    }

    public static CheckResult LwwLoss(RunOutcome run, IReadOnlyDictionary<string, double>? offsets = null) =>
        new LwwLossChecker(FinalReplicaValues.Of(Samples(run), "register", "r"), offsets).Check(run.History, CheckContext.Default);
}
