namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Shrinks a non-linearizable history to a small subset of calls that is still not linearizable and still
/// holds the victim (the call the search could not place), so a person can read the witness. It starts from
/// <see cref="WitnessStart"/> (usually the frontier of the search: a handful of calls) and removes chunks of
/// calls delta-debugging style, halving the chunk size down to single calls. Every candidate is re-checked
/// with the search (<see cref="WitnessCheck.Invalid"/>), so the result is always a genuine witness.
/// A witness should also be explicable: linearizable once real-time order is ignored, so that the violation
/// is about order. Otherwise a stale read would shrink to the read alone ("it read a value nobody wrote");
/// with the rule it keeps the writes that explain the value. The shrinker keeps the witness in an order the
/// model accepts: removing reads keeps that order legal, removing a write is checked by replaying the order
/// (a search for another order only when the replay fails and the candidate is invalid). When no explicable
/// start is found (some value really was never written) the rule is dropped.
/// Stops early (with the best witness so far) when the budget runs out: a deadline, and an allowance of
/// processor time (the search's own plus 100 ms), so shrinking costs at most that.
/// </summary>
internal static class WitnessShrinker
{
    public static int[] Shrink(SearchProblem problem, SearchOutcome outcome, SearchBudget budget, long stepsPerCheck, CpuAllowance cpu)
    {
        var check = new WitnessCheck(problem, budget, stepsPerCheck, cpu);
        var victim = outcome.Blocked;
        var (current, order) = Start(check, outcome);
        if (order is not null) current = order;
        for (var chunk = Math.Max(1, (current.Count - 1) / 2); ; chunk = Math.Max(1, chunk / 2))
        {
            var removedAny = RemoveChunks(check, current, victim, chunk, order is not null);
            if (check.OutOfBudget) break;
            if (chunk == 1 && !removedAny) break;
        }
        current.Sort();
        return [.. current];
    }

    private static (List<int> Calls, List<int>? Order) Start(WitnessCheck check, SearchOutcome outcome)
    {
        var frontier = WitnessStart.Frontier(check.Problem, outcome);
        List<int>? invalidFrontier = null;
        if (frontier is not null && check.Invalid(frontier))
        {
            if (check.Explain(frontier) is { } order) return (frontier, order);
            invalidFrontier = frontier;
        }
        var p = check.Problem;
        var byInvocation = Enumerable.Range(0, p.Count).OrderBy(i => p.InvokeAt[i]).ToList();
        var (window, windowOrder) = WitnessStart.Window(check, byInvocation, outcome.Blocked);
        if (window is not null && windowOrder is not null) return (window, windowOrder);
        return (invalidFrontier ?? window ?? WitnessStart.ShortestPrefix(check, byInvocation, outcome.Blocked), null);
    }

    /// <summary>One pass removing runs of <paramref name="chunk"/> calls (never the victim) while the rest
    /// stays invalid (and, if <paramref name="explicable"/>, explicable, kept in an accepted order).</summary>
    private static bool RemoveChunks(WitnessCheck check, List<int> current, int victim, int chunk, bool explicable)
    {
        var removedAny = false;
        for (var start = 0; start < current.Count && !check.OutOfBudget;)
        {
            var end = start;
            var readsOnly = true;
            for (var taken = 0; end < current.Count && taken < chunk; end++)
            {
                if (current[end] == victim) continue;
                taken++;
                readsOnly &= check.ReadOnly(current[end]);
            }
            var candidate = new List<int>(current.Count);
            for (var i = 0; i < current.Count; i++)
                if (i < start || i >= end || current[i] == victim) candidate.Add(current[i]);
            if (candidate.Count < current.Count && Accept(check, candidate, explicable && !readsOnly) is { } accepted)
            {
                current.Clear();
                current.AddRange(accepted);
                removedAny = true;
                start = Math.Min(start, current.Count);
            }
            else start = end;
        }
        return removedAny;
    }

    /// <summary>The candidate (in an accepted order when <paramref name="mustExplain"/>) if it may replace the
    /// witness, else null. The cheap replay runs first; a search for a new order only for an invalid candidate.</summary>
    private static List<int>? Accept(WitnessCheck check, List<int> candidate, bool mustExplain)
    {
        if (!mustExplain || check.Replays(candidate)) return check.Invalid(candidate) ? candidate : null;
        return check.Invalid(candidate) ? check.Explain(candidate) : null;
    }
}
