namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Where witness shrinking starts: a subset of calls that holds the victim (the call the search could not
/// place) and is not linearizable on its own. First the frontier, as Porcupine draws it: the deepest
/// linearization the search reached, cut to the shortest tail that produces the same state from the
/// initial one (for a register, from the last write; for a kv key, from the last put), plus the victim.
/// That tail is what the victim meets, in an order the model accepts, so the frontier is usually a
/// small, explicable witness already. When it is not (the victim fails only with calls the prefix never
/// reached, or its value was written by a call the prefix does not hold), windows of calls around the
/// victim in invocation order (<see cref="Windows"/>); at worst the shortest invalid prefix that holds it.
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

    /// <summary>Calls examined one at a time as the frontier's missing write (nearest the victim first).</summary>
    private const int MaxSingles = 64;

    /// <summary>The candidates after the frontier, smallest first, each in the order to try first when
    /// explaining it. For a victim whose value the frontier cannot explain (a stale read of an older write):
    /// the frontier plus one call that changes the state (writes, appends, cas; nearest the victim first, since
    /// the write a stale read saw is usually close), then the frontier plus every such call in a window around
    /// the victim. Then whole windows of calls (the deepest linearization's order first, then the victim, then
    /// the rest). Windows double in width until they hold the whole history.</summary>
    public static IEnumerable<List<int>> Windows(SearchProblem p, SearchOutcome outcome, List<int>? frontier, List<int> byInvocation)
    {
        var at = byInvocation.IndexOf(outcome.Blocked);
        if (at < 0) return [];
        var withFrontier = frontier is null ? [] : Singles(p, frontier, byInvocation, at).Concat(FrontierWithWrites(p, frontier, byInvocation, at));
        return withFrontier.Concat(WholeWindows(p, outcome, byInvocation, at));
    }

    private static IEnumerable<List<int>> Singles(SearchProblem p, List<int> frontier, List<int> byInvocation, int at)
    {
        var inFrontier = frontier.ToHashSet();
        return Enumerable.Range(0, byInvocation.Count)
            .Where(i => !inFrontier.Contains(byInvocation[i]) && ChangesState(p, byInvocation[i]))
            .OrderBy(i => i < at ? 2 * (at - i) : 2 * (i - at) + 1).Take(MaxSingles)
            .Select(i => (List<int>)[byInvocation[i], .. frontier]);
    }

    private static IEnumerable<List<int>> FrontierWithWrites(SearchProblem p, List<int> frontier, List<int> byInvocation, int at)
    {
        var inFrontier = frontier.ToHashSet();
        var previous = -1;
        for (var width = 4; ; width *= 2)
        {
            var candidate = new List<int>(frontier);
            var (start, end) = Span(byInvocation.Count, at, width);
            for (var i = start; i < end; i++)
                if (!inFrontier.Contains(byInvocation[i]) && ChangesState(p, byInvocation[i])) candidate.Add(byInvocation[i]);
            if (candidate.Count > previous) yield return candidate;
            previous = candidate.Count;
            if (end - start == byInvocation.Count) yield break;
        }
    }

    private static IEnumerable<List<int>> WholeWindows(SearchProblem p, SearchOutcome outcome, List<int> byInvocation, int at)
    {
        var rank = new int[p.Count];
        for (var i = 0; i < byInvocation.Count; i++) rank[byInvocation[i]] = byInvocation.Count + 1 + i;
        for (var i = 0; i < outcome.Deepest.Length; i++) rank[outcome.Deepest[i]] = i;
        rank[outcome.Blocked] = outcome.Deepest.Length;
        for (var width = 4; ; width *= 2)
        {
            var (start, end) = Span(byInvocation.Count, at, width);
            yield return [.. byInvocation.GetRange(start, end - start).OrderBy(c => rank[c])];
            if (end - start == byInvocation.Count) yield break;
        }
    }

    private static bool ChangesState(SearchProblem p, int c) => p.Crashed[c] || !p.Model.IsReadOnly(p.Ops[c]);

    private static (int Start, int End) Span(int count, int at, int width) =>
        (Math.Max(0, at - width), Math.Min(count, at + width / 2 + 1));

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
