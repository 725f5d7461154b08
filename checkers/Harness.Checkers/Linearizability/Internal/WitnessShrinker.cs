using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Shrinks a non-linearizable history to a small subset of calls that is still not linearizable, so a person
/// can read the witness. First a window of calls around the call that could not be placed, growing until it
/// is invalid (cheap, and usually enough: anomalies are local), else the shortest invalid prefix (binary
/// search over invocation order); then
/// delta-debugging style removal of chunks, halving the chunk size down to single calls. Every candidate is
/// re-checked with the search; a check that runs out of time counts as "not shown invalid", so the result is
/// always a genuine witness. Stops early (with the best witness so far) when the budget runs out: a deadline, and
/// an allowance of processor time (the search's own plus 100 ms), so shrinking costs at most what the search that
/// found the violation cost plus 100 ms, and a loaded machine does not cut the witness short.
/// A witness should also be explicable: linearizable once real-time order is ignored, so that the violation
/// is about order. Otherwise a stale read would shrink to the read alone ("it read a value nobody wrote");
/// with the rule it keeps the writes that explain the value. If the whole history is not explicable (some
/// value really was never written) the rule is dropped.
/// </summary>
internal static class WitnessShrinker
{
    public static int[] Shrink(SearchProblem problem, SearchBudget budget, long stepsPerCheck, int blocked, CpuAllowance cpu)
    {
        var order = Enumerable.Range(0, problem.Count).OrderBy(i => problem.InvokeAt[i]).ToList();
        var check = new Checker(problem, budget, stepsPerCheck, false, cpu);
        check = new Checker(problem, budget, stepsPerCheck, check.Explicable(order), cpu);
        var current = Window(check, order, blocked, budget) ?? ShortestPrefix(check, order, budget);
        for (var chunk = Math.Max(1, current.Count / 2); ; chunk = Math.Max(1, chunk / 2))
        {
            var removedAny = RemoveChunks(check, current, chunk, budget);
            if (check.OutOfBudget) break;
            if (chunk == 1 && !removedAny) break;
        }
        current.Sort();
        return [.. current];
    }

    private static List<int>? Window(Checker check, List<int> order, int blocked, SearchBudget budget)
    {
        var at = order.IndexOf(blocked);
        if (at < 0) return null;
        for (var width = 4; width < order.Count && !check.OutOfBudget; width *= 2)
        {
            var start = Math.Max(0, at - width);
            var window = order.GetRange(start, Math.Min(order.Count, at + width / 2 + 1) - start);
            if (check.Invalid(window)) return window;
        }
        return null;
    }

    private static List<int> ShortestPrefix(Checker check, List<int> order, SearchBudget budget)
    {
        int lo = 0, hi = order.Count;
        while (hi - lo > 1 && !check.OutOfBudget)
        {
            var mid = (lo + hi) / 2;
            if (check.Invalid(order.GetRange(0, mid))) hi = mid;
            else lo = mid;
        }
        return order.GetRange(0, hi);
    }

    private static bool RemoveChunks(Checker check, List<int> current, int chunk, SearchBudget budget)
    {
        var removedAny = false;
        for (var start = 0; start < current.Count && !check.OutOfBudget;)
        {
            var length = Math.Min(chunk, current.Count - start);
            var candidate = new List<int>(current.Count - length);
            candidate.AddRange(current.Take(start));
            candidate.AddRange(current.Skip(start + length));
            if (candidate.Count > 0 && check.Invalid(candidate))
            {
                current.RemoveRange(start, length);
                removedAny = true;
            }
            else start += length;
        }
        return removedAny;
    }

    /// <summary>Re-checks a candidate subset with a step cap: a search that does not finish within it does
    /// not count as invalid, so a hard candidate is kept rather than waited for.
    /// An unfinished explicability check gives the candidate the benefit of the doubt.</summary>
    private sealed class Checker(SearchProblem problem, SearchBudget budget, long stepsPerCheck, bool requireExplicable, CpuAllowance cpu)
    {
        public bool OutOfBudget => cpu.Spent || budget.Exhausted() is not null;

        public bool Invalid(List<int> calls) =>
            Run(problem.Subset(calls)) == Validity.Invalid && (!requireExplicable || Explicable(calls));

        /// <summary>Only checked for small sets: ignoring real time, a large set's search can be very costly.</summary>
        public bool Explicable(List<int> calls) => calls.Count > 64 || Run(problem.Unordered(calls)) != Validity.Invalid;

        private Validity Run(SearchProblem sub)
        {
            if (OutOfBudget) return Validity.Unknown;
            return new WglSearch(sub, budget.Meter).Advance(stepsPerCheck, budget)?.Validity ?? Validity.Unknown;
        }
    }
}
