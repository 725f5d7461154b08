using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// The witness of a whole-history search that failed on a product model (<see cref="IProductModel"/>): by
/// locality some component's projection (the calls on one key) is not linearizable, and any witness shrunk from
/// that projection is a witness against the whole model too. The projection of the blocked call's component is
/// tried first (usually the culprit), then the others; the first that fails is searched and shrunk on its own,
/// which is far cheaper than shrinking over the whole state space (the frontier of a whole-map search rarely
/// recurs, so the shrinker would fall back to windows over every key). Null when no projection fails within the
/// budget (the caller then shrinks the whole history).
/// </summary>
internal static class ProjectedWitness
{
    public static int[]? Find(SearchProblem problem, SearchOutcome outcome, IProductModel product, SearchBudget budget, CpuAllowance cpu)
    {
        var groups = new Dictionary<int, List<int>>();
        var order = new List<int>();
        for (var i = 0; i < problem.Count; i++)
        {
            var component = product.Component(problem.Ops[i]);
            if (!groups.TryGetValue(component, out var calls))
            {
                groups[component] = calls = [];
                order.Add(component);
            }
            calls.Add(i);
        }
        if (outcome.Blocked >= 0)
        {
            var first = product.Component(problem.Ops[outcome.Blocked]);
            order.Remove(first);
            order.Insert(0, first);
        }
        foreach (var component in order)
        {
            if (budget.Exhausted() is not null || cpu.Spent) return null;
            var calls = groups[component];
            var sub = problem.Subset(calls);
            var found = WglSearch.Run(sub, budget);
            if (found.Validity != Validity.Invalid) continue;
            var witness = WitnessShrinker.Shrink(sub, found, budget, 4 * found.Steps + 100_000, cpu);
            return [.. witness.Select(i => calls[i])];
        }
        return null;
    }
}
