using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// P-compositionality: linearizability is local, so a history of independent objects (keys) is linearizable
/// exactly when each key's sub-history is. Keyed operations carry [key, value] (Jepsen's "independent"
/// convention); splitting unwraps the value and groups the calls by key, in first-seen order.
/// </summary>
internal static class KeyedSplit
{
    /// <summary>True when the call carries a [key value] pair (for cas, [key [old new]]) and its Ok output names
    /// the same key: the shape of an independent register workload's operations.</summary>
    public static bool LooksKeyed(HistoryCall c) =>
        c.Input is IReadOnlyList<object?> { Count: 2 } pair &&
        (c.Invoke.F != "cas" || pair[1] is IReadOnlyList<object?> { Count: 2 }) &&
        (c.Crashed || c.Output is null || (c.Output is IReadOnlyList<object?> { Count: 2 } o && ValueText.Equals(o[0], pair[0])));

    /// <summary>Why <paramref name="c"/> cannot be split by key, or null when it carries a [key value] pair.</summary>
    public static string? Unsplittable(HistoryCall c) => c.Input is IReadOnlyList<object?> { Count: 2 }
        ? null
        : $"operation {c.Invoke.Index} ({c.Invoke.F} {ValueText.Format(c.Input)}) is not a [key value] pair";

    /// <summary>The call with its key taken off: the inner value as input, the inner output.</summary>
    public static HistoryCall Unwrap(HistoryCall c)
    {
        var pair = (IReadOnlyList<object?>)c.Input!;
        var output = c.Output is IReadOnlyList<object?> { Count: 2 } o ? o[1] : null;
        return c with { Input = pair[1], Output = output };
    }
}
