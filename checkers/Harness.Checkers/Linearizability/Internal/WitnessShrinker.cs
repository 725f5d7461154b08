using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Shrinks a non-linearizable history to a small subset of calls that is still not linearizable, so a person
/// can read the witness. First the shortest invalid prefix (binary search over invocation order), then
/// delta-debugging style removal of chunks, halving the chunk size down to single calls. Every candidate is
/// re-checked with the search; a check that runs out of time counts as "not shown invalid", so the result is
/// always a genuine witness. Stops early (with the best witness so far) when the budget runs out.
/// </summary>
internal static class WitnessShrinker
{
    public static int[] Shrink(SearchProblem problem, SearchBudget budget)
    {
        var order = Enumerable.Range(0, problem.Count).OrderBy(i => problem.InvokeAt[i]).ToList();
        var current = ShortestPrefix(problem, order, budget);
        for (var chunk = Math.Max(1, current.Count / 2); ; chunk = Math.Max(1, chunk / 2))
        {
            var removedAny = RemoveChunks(problem, current, chunk, budget);
            if (budget.Exhausted() is not null) break;
            if (chunk == 1 && !removedAny) break;
        }
        current.Sort();
        return [.. current];
    }

    private static List<int> ShortestPrefix(SearchProblem problem, List<int> order, SearchBudget budget)
    {
        int lo = 0, hi = order.Count;
        while (hi - lo > 1 && budget.Exhausted() is null)
        {
            var mid = (lo + hi) / 2;
            if (Invalid(problem, order.GetRange(0, mid), budget)) hi = mid;
            else lo = mid;
        }
        return order.GetRange(0, hi);
    }

    private static bool RemoveChunks(SearchProblem problem, List<int> current, int chunk, SearchBudget budget)
    {
        var removedAny = false;
        for (var start = 0; start < current.Count && budget.Exhausted() is null;)
        {
            var length = Math.Min(chunk, current.Count - start);
            var candidate = new List<int>(current.Count - length);
            candidate.AddRange(current.Take(start));
            candidate.AddRange(current.Skip(start + length));
            if (candidate.Count > 0 && Invalid(problem, candidate, budget))
            {
                current.RemoveRange(start, length);
                removedAny = true;
            }
            else start += length;
        }
        return removedAny;
    }

    private static bool Invalid(SearchProblem problem, List<int> calls, SearchBudget budget) =>
        WglSearch.Run(problem.Subset(calls), budget).Validity == Validity.Invalid;
}
