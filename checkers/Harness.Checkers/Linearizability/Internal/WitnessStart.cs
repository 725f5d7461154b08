namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Where witness shrinking starts: a subset of calls that holds the victim (the call the search could not
/// place) and is not linearizable on its own. First the frontier, as Porcupine draws it: the deepest
/// linearization the search reached, cut to the shortest tail that produces the same state from the
/// initial one (for a register, from the last write; for a kv key, from the last put), plus the victim.
/// That tail is what the victim meets, in an order the model accepts, so the frontier is usually a
/// small, explicable witness already. When it is not invalid (the victim fails only with calls the
/// prefix never reached), a window of calls around the victim in invocation order, growing until it is
/// invalid; at worst the shortest invalid prefix that holds the victim.
/// </summary>
internal static class WitnessStart
{
    /// <summary>Longest tail of the deepest linearization that is examined (longer tails: window).</summary>
    private const int MaxTail = 128;

    /// <summary>The frontier in linearization order (victim last), or null if there is none.</summary>
    public static List<int>? Frontier(SearchProblem p, SearchOutcome outcome)
    {
        var deepest = outcome.Deepest;
        if (outcome.Blocked < 0) return null;
        var states = new int[deepest.Length];
        var state = p.Model.Initial;
        for (var i = 0; i < deepest.Length; i++)
        {
            state = p.Model.Step(state, p.Ops[deepest[i]]);
            if (state < 0) return null;
            states[i] = state;
        }
        var start = TailStart(p, deepest, states);
        if (start < 0) return null;
        var frontier = deepest[start..].ToList();
        frontier.Add(outcome.Blocked);
        return frontier;
    }

    /// <summary>The largest k such that replaying deepest[k..] from the initial state meets the original run
    /// (the same state after some call, hence after every later one); -1 if no tail up to
    /// <see cref="MaxTail"/> calls does and the linearization is longer than that.</summary>
    private static int TailStart(SearchProblem p, int[] deepest, int[] states)
    {
        var n = deepest.Length;
        if (n == 0 || states[n - 1] == p.Model.Initial) return n;
        for (var k = n - 1; k >= Math.Max(1, n - MaxTail); k--)
        {
            var state = p.Model.Initial;
            for (var j = k; j < n; j++)
            {
                state = p.Model.Step(state, p.Ops[deepest[j]]);
                if (state < 0) break;
                if (state == states[j]) return k;
            }
        }
        return n <= MaxTail ? 0 : -1;
    }

    /// <summary>Windows of calls around the victim in invocation order, doubling until one is invalid: the
    /// first that is also explicable (with its order), else the first invalid one (order null).</summary>
    public static (List<int>? Calls, List<int>? Order) Window(WitnessCheck check, List<int> byInvocation, int victim)
    {
        var at = byInvocation.IndexOf(victim);
        List<int>? firstInvalid = null;
        for (var width = 4; at >= 0 && !check.OutOfBudget; width *= 2)
        {
            var start = Math.Max(0, at - width);
            var window = byInvocation.GetRange(start, Math.Min(byInvocation.Count, at + width / 2 + 1) - start);
            if (check.Invalid(window))
            {
                firstInvalid ??= window;
                if (check.Explain(window) is { } order) return (window, order);
            }
            if (window.Count == byInvocation.Count) break;
        }
        return (firstInvalid, null);
    }

    /// <summary>The shortest prefix in invocation order that holds the victim and is shown invalid (binary
    /// search; the whole history is invalid).</summary>
    public static List<int> ShortestPrefix(WitnessCheck check, List<int> byInvocation, int victim)
    {
        int lo = Math.Max(0, byInvocation.IndexOf(victim)), hi = byInvocation.Count;
        while (hi - lo > 1 && !check.OutOfBudget)
        {
            var mid = (lo + hi) / 2;
            if (check.Invalid(byInvocation.GetRange(0, mid))) hi = mid;
            else lo = mid;
        }
        return byInvocation.GetRange(0, hi);
    }
}
