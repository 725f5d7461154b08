using Harness.Checkers.Sessions.Internal;
using Harness.Checkers.StaleReads.Internal;
using Harness.Checkers.Stats.Internal;
using Harness.Core.Checking;

namespace Harness.Checkers.Sessions;

/// <summary>
/// Session guarantees (Terry et al., as the replication article describes them) for register histories with unique
/// written values, per client session (a process): read-your-writes, monotonic reads, monotonic writes,
/// writes-follow-reads and consistent prefix. Each violation is a certificate of a few operations that no
/// linearizable history can contain, with how far back the read went (ms and versions). Counts per guarantee; the
/// worst examples (most versions behind) are kept.
/// </summary>
public sealed class SessionGuaranteeChecker : IChecker
{
    public static readonly IReadOnlyList<string> Guarantees = ["read-your-writes", "monotonic-reads", "monotonic-writes", "writes-follow-reads", "consistent-prefix"];
    private const int ExamplesPerGuarantee = 5;

    public string Name => "session-guarantees";

    public CheckResult Check(Core.History.History history, CheckContext context)
    {
        var findings = new List<SessionFinding>();
        foreach (var key in RegisterHistory.Of(history).Keys)
        {
            if (context.Cancellation.IsCancellationRequested) return new CheckResult(Name, Validity.Unknown, "cancelled before every key was checked");
            findings.AddRange(new SessionFinder(key).Find());
        }
        var counts = Guarantees.ToDictionary(g => g, g => (long)findings.Count(f => f.Guarantee == g));
        var stats = new Dictionary<string, object?>();
        foreach (var (g, n) in counts) stats[g + "-count"] = n;
        stats["session-violation-count"] = (long)findings.Count;
        stats["max-versions-behind"] = (long)(findings.Count == 0 ? 0 : findings.Max(f => f.Versions));
        stats["max-behind-ms"] = findings.Count == 0 ? 0.0 : TimeText.ToMillis(findings.Max(f => f.StaleNs));
        var summary = findings.Count == 0
            ? "no session guarantee violated"
            : string.Join(", ", counts.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} x{kv.Value}")) +
              $"; up to {stats["max-versions-behind"]} versions and {stats["max-behind-ms"]} ms behind";
        return new CheckResult(Name, findings.Count > 0 ? Validity.Invalid : Validity.Valid, summary)
        {
            Anomalies = findings.GroupBy(f => f.Guarantee)
                .SelectMany(g => g.OrderByDescending(f => f.Versions).ThenByDescending(f => f.StaleNs).Take(ExamplesPerGuarantee))
                .Select(f => new Anomaly(f.Guarantee, f.Sentence + $" ({f.Versions} version(s), {TimeText.Millis(f.StaleNs)} behind)", [f.Behind.Index, f.Read.Index]))
                .ToList(),
            AnomalyCounts = counts.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value),
            Stats = stats,
        };
    }
}
