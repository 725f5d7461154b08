using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// P-compositionality: linearizability is local, so a history of independent objects (keys) is linearizable
/// exactly when each key's sub-history is. Keyed operations carry [key, value] (Jepsen's "independent"
/// convention); splitting unwraps the value and groups the calls by key, in first-seen order.
/// </summary>
internal static class KeyedSplit
{
    /// <summary>True when every call carries a [key value] pair (for cas, [key [old new]]) and each Ok output
    /// names the same key: the shape of an independent register workload.</summary>
    public static bool LooksKeyed(IReadOnlyList<HistoryCall> calls) =>
        calls.Count > 0 && calls.All(c =>
            c.Input is IReadOnlyList<object?> { Count: 2 } pair &&
            (c.Invoke.F != "cas" || pair[1] is IReadOnlyList<object?> { Count: 2 }) &&
            (c.Crashed || c.Output is null || (c.Output is IReadOnlyList<object?> { Count: 2 } o && ValueText.Equals(o[0], pair[0]))));

    /// <summary>Groups by key; returns null (with a reason) if some call is not a [key value] pair.</summary>
    public static List<(object? Key, List<HistoryCall> Calls)>? Split(IReadOnlyList<HistoryCall> calls, out string? error)
    {
        error = null;
        var keys = new ValueInterner();
        var groups = new List<(object? Key, List<HistoryCall> Calls)>();
        var byId = new Dictionary<int, int>();
        foreach (var c in calls)
        {
            if (c.Input is not IReadOnlyList<object?> { Count: 2 } pair)
            {
                error = $"operation {c.Invoke.Index} ({c.Invoke.F} {ValueText.Format(c.Input)}) is not a [key value] pair";
                return null;
            }
            var id = keys.Id(pair[0]);
            if (!byId.TryGetValue(id, out var g))
            {
                g = groups.Count;
                byId[id] = g;
                groups.Add((pair[0], []));
            }
            var output = c.Output is IReadOnlyList<object?> { Count: 2 } o ? o[1] : null;
            groups[g].Calls.Add(c with { Input = pair[1], Output = output });
        }
        return groups;
    }
}
