namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Shrinks a non-linearizable history to a small subset of calls that is still not linearizable and still
/// holds the victim (the call the search could not place), so a person can read the witness. It starts from
/// <see cref="WitnessStart"/> (usually the frontier of the search: a handful of calls) and removes chunks of
/// calls delta-debugging style, halving the chunk size down to single calls. Every candidate is re-checked
/// with the search (<see cref="WitnessCheck.Invalid"/>), so the result is always a genuine witness.
/// Two more rules make it a good one, each kept when the start satisfies it. The victim is needed: without
/// it the witness is linearizable, so the witness shows why the victim cannot be placed (not some other
/// violation nearby). And the witness is explicable: linearizable once real-time order is ignored, so
/// that the violation is about order. Otherwise a stale read would shrink to the read alone ("it read a
/// value nobody wrote"); with the rule it keeps the writes that explain the value. The witness is kept in an
/// order the model accepts: removing reads keeps that order legal, removing a write is checked by replaying
/// the order (a search for another order only when the replay fails and the candidate is invalid).
/// Stops early (with the best witness so far) when the budget runs out: a deadline, and an allowance of
/// processor time (the search's own plus 100 ms), so shrinking costs at most that.
/// </summary>
internal static class WitnessShrinker
{
    public static int[] Shrink(SearchProblem problem, SearchOutcome outcome, SearchBudget budget, long stepsPerCheck, CpuAllowance cpu)
    {
        var check = new WitnessCheck(problem, budget, stepsPerCheck, cpu);
        var victim = outcome.Blocked;
        var (current, goal) = Start(check, outcome);
        for (var chunk = Math.Max(1, (current.Count - 1) / 2); ; chunk = Math.Max(1, chunk / 2))
        {
            var removedAny = RemoveChunks(check, current, victim, chunk, goal);
            if (check.OutOfBudget) break;
            if (chunk == 1 && !removedAny) break;
        }
        current.Sort();
        return [.. current];
    }

    /// <summary>The first candidate that is invalid, explicable and needs the victim; else the first that is
    /// invalid and explicable; else the first invalid one (the rules it breaks are dropped). Candidates come
    /// smallest first, so the search for a better start stops at four times the size of an explicable one.</summary>
    private static (List<int> Calls, Goal Goal) Start(WitnessCheck check, SearchOutcome outcome)
    {
        var p = check.Problem;
        var victim = outcome.Blocked;
        var byInvocation = Enumerable.Range(0, p.Count).OrderBy(i => p.InvokeAt[i]).ToList();
        var frontier = WitnessStart.Frontier(p, outcome);
        var candidates = frontier is null ? WitnessStart.Windows(p, outcome, null, byInvocation)
            : WitnessStart.Windows(p, outcome, frontier, byInvocation).Prepend(frontier);
        List<int>? invalid = null, explained = null;
        foreach (var candidate in candidates)
        {
            // Past four times the size of an explicable start, a larger window rarely gives a better one.
            if (check.OutOfBudget || candidate.Count > 4 * (explained?.Count ?? int.MaxValue / 4)) break;
            if (!check.Invalid(candidate)) continue;
            invalid ??= candidate;
            if (check.Explain(candidate, WitnessCheck.StartExplainSteps) is not { } order) continue;
            if (check.Linearizable(Without(order, victim))) return (order, new Goal(true, true));
            explained ??= order;
        }
        if (explained is not null) return (explained, new Goal(true, false));
        invalid ??= WitnessStart.ShortestPrefix(check, byInvocation, victim);
        return (invalid, new Goal(false, check.Linearizable(Without(invalid, victim))));
    }

    /// <summary>One pass removing runs of <paramref name="chunk"/> calls (never the victim) while the rest
    /// stays a witness that meets the goal (if explicable, kept in an accepted order).</summary>
    private static bool RemoveChunks(WitnessCheck check, List<int> current, int victim, int chunk, Goal goal)
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
            if (candidate.Count < current.Count && Accept(check, candidate, victim, goal with { Explicable = goal.Explicable && !readsOnly }) is { } accepted)
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

    /// <summary>The candidate (in an accepted order when it must be explained) if it may replace the witness,
    /// else null. The cheap replay runs first; a search for a new order only for an invalid candidate.</summary>
    private static List<int>? Accept(WitnessCheck check, List<int> candidate, int victim, Goal goal)
    {
        var replays = !goal.Explicable || check.Replays(candidate);
        if (!check.Invalid(candidate)) return null;
        var order = replays ? candidate : check.Explain(candidate);
        return order is not null && (!goal.VictimNeeded || check.Linearizable(Without(order, victim))) ? order : null;
    }

    private static List<int> Without(List<int> calls, int victim) => calls.Where(c => c != victim).ToList();

    /// <summary>The rules a smaller witness must keep: explicable (<see cref="Explicable"/>: when only reads
    /// are removed the order stays legal, so it need not be checked) and needing the victim.</summary>
    private readonly record struct Goal(bool Explicable, bool VictimNeeded);
}
