using Harness.Checkers.Leaderless;
using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// Replica agreement over time, from the samples of a leaderless run (<see cref="ReplicaLog"/>): the probe reads
/// every tracked object on every node in rounds (one wall-clock time per round and container) after each heal until
/// all agree, and once more after the run. Each round becomes an <see cref="AgreementPoint"/> on the run's time axis
/// (<see cref="ConvergenceClock"/>); rounds that cannot be placed (no heal to align on) give no points.
/// </summary>
internal static class ReplicaAgreement
{
    public static IReadOnlyList<AgreementPoint> Points(ReplicaLog log, IReadOnlyList<FaultWindow> faults)
    {
        var heals = log.Samples.Where(s => s.Phase == "heal").Select(s => (s.Heal, s.HealMs)).Distinct().ToList();
        if (ConvergenceClock.ZeroMs(heals, faults) is not { } zero) return [];
        return log.Samples.Where(s => s.Phase is "heal" or "final")
            .GroupBy(s => (s.Phase, s.Heal, s.HealMs, s.TimeMs, s.Container))
            .Select(g => new AgreementPoint((g.Key.TimeMs - zero) / 1000.0, g.Key.Phase, g.Key.Heal,
                (g.Key.HealMs - zero) / 1000.0, g.Count(s => s.Agrees), g.Count()))
            .OrderBy(p => p.Seconds).ThenBy(p => p.Phase, StringComparer.Ordinal)
            .ToList();
    }
}
