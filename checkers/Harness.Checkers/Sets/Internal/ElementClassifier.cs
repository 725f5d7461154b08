namespace Harness.Checkers.Sets.Internal;

/// <summary>
/// Decides each element's <see cref="ElementFate"/>. A final read is obliged to contain an element when the
/// element's add was acknowledged before that read was invoked. An add of unknown outcome obliges no read by
/// itself, but once one final read has shown the element, every final read invoked after that read completed
/// must show it too (final reads happen after faults healed, so replicas are expected to have converged).
/// </summary>
internal static class ElementClassifier
{
    public static IEnumerable<ElementVerdict> Classify(SetHistory set)
    {
        var seen = new HashSet<long>(set.Adds.Keys);
        foreach (var read in set.FinalReads) seen.UnionWith(read.Elements);
        var universe = seen.ToArray();
        Array.Sort(universe);
        foreach (var element in universe)
        {
            var holding = set.FinalReads.Where(r => r.Elements.Contains(element)).ToList();
            yield return Judge(element, set.Adds.TryGetValue(element, out var add) ? add : null, holding, set.FinalReads);
        }
    }

    private static ElementVerdict Judge(long element, SetAdd? found, List<FinalRead> holding, List<FinalRead> reads)
    {
        if (found is not { } add) return new(element, ElementFate.Unexpected, null, holding, []);
        if (add.Outcome == Harness.Core.History.OpType.Fail)
            return new(element, holding.Count > 0 ? ElementFate.FailedButPresent : ElementFate.NeverRead, add, holding, []);
        var obliged = add.IsAcknowledged
            ? reads.Where(r => add.CompletionPosition < r.InvokePosition).ToList()
            : [];
        if (obliged.Count > 0)
        {
            var missing = obliged.Where(r => !r.Elements.Contains(element)).ToList();
            var fate = missing.Count == 0 ? ElementFate.Ok : holding.Count == 0 ? ElementFate.Lost : ElementFate.Divergent;
            return new(element, fate, add, holding, missing);
        }
        if (holding.Count == 0) return new(element, ElementFate.NeverRead, add, holding, []);
        var firstSeen = holding.Min(r => r.CompletionPosition);
        var vanished = reads.Where(r => r.InvokePosition > firstSeen && !r.Elements.Contains(element)).ToList();
        if (vanished.Count > 0) return new(element, ElementFate.Divergent, add, holding, vanished);
        return new(element, add.IsAcknowledged ? ElementFate.Ok : ElementFate.Recovered, add, holding, []);
    }
}
