using Harness.Checkers.Stats.Internal;
using Harness.Core.Checking;

namespace Harness.Checkers.Sets.Internal;

/// <summary>Turns an anomalous <see cref="ElementVerdict"/> into an <see cref="Anomaly"/> with a sentence and witnesses.</summary>
internal static class SetExplanations
{
    public static string Kind(ElementFate fate) => fate switch
    {
        ElementFate.Lost => "lost-write",
        ElementFate.Divergent => "divergent",
        ElementFate.Unexpected => "unexpected",
        ElementFate.FailedButPresent => "failed-but-present",
        _ => "",
    };

    public static Anomaly Explain(ElementVerdict v, Core.History.History history)
    {
        var reads = v.Holding.Concat(v.Missing).OrderBy(r => r.InvokePosition);
        var witnesses = (v.Add?.OpIndices(history) ?? []).Concat(reads.SelectMany(r => r.OpIndices())).ToList();
        return new Anomaly(Kind(v.Fate), Sentence(v, history), witnesses);
    }

    private static string Sentence(ElementVerdict v, Core.History.History history)
    {
        var add = v.Add.GetValueOrDefault();
        return v.Fate switch
        {
            ElementFate.Lost =>
                $"{AddText(add, history)} but is missing from the final reads of {Nodes(v.Missing)}",
            ElementFate.Divergent =>
                $"{AddText(add, history)}; the final reads of {Nodes(v.Holding)} contain it but those of {Nodes(v.Missing)}, made after " +
                (add.IsAcknowledged ? "the acknowledgement" : "another final read had shown it") + ", do not: the replicas did not converge",
            ElementFate.Unexpected =>
                $"element {v.Element} was never added, yet the final reads of {Nodes(v.Holding)} contain it",
            ElementFate.FailedButPresent =>
                $"{AddText(add, history)}, yet the final reads of {Nodes(v.Holding)} contain it: a failed add must not take effect",
            _ => $"element {v.Element}: {v.Fate}",
        };
    }

    private static string AddText(SetAdd add, Core.History.History history)
    {
        var at = TimeText.Seconds(add.CompletionTime);
        var node = add.Node(history);
        var error = add.Completion(history)?.Error is { } e ? $" ({e})" : "";
        return add.Outcome switch
        {
            _ when add.IsOpen => $"add {add.Element} (invoked at {at} on {node}, never completed) was seen",
            Core.History.OpType.Ok => $"add {add.Element} was acknowledged at {at} by {node}",
            Core.History.OpType.Fail => $"add {add.Element} failed at {at} on {node}" + error,
            _ => $"add {add.Element} ended unknown (info) at {at} on {node}" + error + " but was seen",
        };
    }

    private static string Nodes(IEnumerable<FinalRead> reads) =>
        string.Join(", ", reads.Select(r => r.Node).Distinct(StringComparer.Ordinal));
}
