using Harness.Checkers.Leaderless.Internal;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// The leaderless checkers over one run: the history plus the replica samples the cluster recorded
/// (<see cref="ReplicaLog"/>, read when checking so a stored run can be re-checked). For keyed registers:
/// <see cref="LwwLossChecker"/> against the values every replica settled on, <see cref="AcceptedWriteChecker"/> (writes
/// answered 202 Accepted and never stored), and <see cref="SloppyQuorumVisibilityChecker"/> and
/// <see cref="StaleReadPhaseChecker"/> if the history has partitions (without one they have nothing to measure);
/// always <see cref="ConvergenceChecker"/> with placement. The worst verdict wins.
/// </summary>
public sealed class LeaderlessChecker(bool registers, string samplesPath) : IChecker
{
    public string Name => "leaderless";

    public CheckResult Check(History history, CheckContext context)
    {
        var log = ReplicaLog.Read(samplesPath);
        var checkers = new List<IChecker>();
        if (registers)
        {
            var finals = log.FinalRegisterValues();
            checkers.Add(new LwwLossChecker(finals, log.ClockOffsets));
            checkers.Add(new AcceptedWriteChecker(finals));
            if (PartitionTimeline.Of(history, log.Nodes).Count > 0)
            {
                checkers.Add(new SloppyQuorumVisibilityChecker(log.Nodes));
                checkers.Add(new StaleReadPhaseChecker(log.Nodes));
            }
        }
        checkers.Add(new SamplesChecker(ConvergenceChecker.Name, () => ConvergenceChecker.Check(log.Samples, log.WindowMs)));
        return new CompositeChecker(Name, checkers).Check(history, context);
    }

    /// <summary>A checker over samples alone, as one of a composite's parts.</summary>
    private sealed class SamplesChecker(string name, Func<CheckResult> check) : IChecker
    {
        public string Name => name;

        public CheckResult Check(History history, CheckContext context) => check();
    }
}
