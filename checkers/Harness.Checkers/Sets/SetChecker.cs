using Harness.Checkers.Sets.Internal;
using Harness.Core.Checking;

namespace Harness.Checkers.Sets;

/// <summary>
/// Checks a set workload: clients add unique integers (<c>f = "add"</c>) while faults strike, then, after the faults
/// are healed, read the whole set from each node (<c>f = "read"</c>, Ok value = every element present). An
/// acknowledged add must appear in every final read; a failed add in none. The checker names each element's fate:
/// ok, lost (acknowledged but in no final read), divergent (some nodes have it, others that should do not),
/// unexpected (never added), recovered (unknown outcome, but present), failed-but-present, or never read.
/// Lost, divergent, unexpected and failed-but-present elements make the history invalid; without any final read
/// nothing can be said (unknown). Like Jepsen's <c>set-full</c> checker, but judged on final reads only.
/// </summary>
public sealed class SetChecker : IChecker
{
    private const int ExamplesPerKind = 10;

    public string Name => "set";

    public CheckResult Check(Core.History.History history, CheckContext context)
    {
        var set = SetHistory.Of(history);
        var findings = new SetFindings(ExamplesPerKind, history);
        foreach (var verdict in ElementClassifier.Classify(set)) findings.Add(verdict);
        var validity = findings.AnyAnomaly ? Validity.Invalid
            : set.FinalReads.Count == 0 ? Validity.Unknown
            : Validity.Valid;
        return new CheckResult(Name, validity, Summary(set, findings))
        {
            Anomalies = findings.Anomalies,
            AnomalyCounts = findings.AnomalyCounts(),
            Stats = Stats(set, findings),
            Details = findings.Details(),
        };
    }

    private static Dictionary<string, object?> Stats(SetHistory set, SetFindings f) => new()
    {
        ["attempt-count"] = (long)set.Adds.Count,
        ["acknowledged-count"] = set.Adds.Values.LongCount(a => a.IsAcknowledged),
        ["ok-count"] = f[ElementFate.Ok],
        ["lost-count"] = f[ElementFate.Lost],
        ["divergent-count"] = f[ElementFate.Divergent],
        ["acknowledged-divergent-count"] = f.AcknowledgedDivergent,
        ["unexpected-count"] = f[ElementFate.Unexpected],
        ["recovered-count"] = f[ElementFate.Recovered],
        ["failed-but-present-count"] = f[ElementFate.FailedButPresent],
        ["final-read-count"] = (long)set.FinalReads.Count,
    };

    private static string Summary(SetHistory set, SetFindings f)
    {
        var text = set.FinalReads.Count == 0
            ? $"{set.Adds.Count} elements attempted, but there is no Ok final read, so nothing can be said"
            : $"{set.Adds.Count} elements attempted, {set.Adds.Values.Count(a => a.IsAcknowledged)} acknowledged, " +
              $"{set.FinalReads.Count} final reads: {f[ElementFate.Ok]} ok, {f[ElementFate.Lost]} lost, " +
              $"{f[ElementFate.Divergent]} divergent, {f[ElementFate.Unexpected]} unexpected, " +
              $"{f[ElementFate.FailedButPresent]} failed-but-present, {f[ElementFate.Recovered]} recovered, " +
              $"{f[ElementFate.NeverRead]} never read";
        return set.Notes.Count == 0 ? text : text + " (" + string.Join("; ", set.Notes) + ")";
    }
}
