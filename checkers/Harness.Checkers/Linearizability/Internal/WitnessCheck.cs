using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// The two questions witness shrinking asks about a subset of calls, each with a step cap so that a hard
/// candidate is given up on rather than waited for. <see cref="Invalid"/>: is the subset on its own not
/// linearizable? Only a finished search says yes, so an accepted candidate is always a genuine witness.
/// <see cref="Explain"/>: can the subset's outputs be explained at all once real time is ignored, and in
/// which order? Answered by replaying a known order through the model (microseconds), else by a small
/// search that tries the given order first. A "no" there only costs the witness an operation it could have
/// lost, so the cap is small (a refutation must try every order, which is what made shrinking slow).
/// </summary>
internal sealed class WitnessCheck(SearchProblem problem, SearchBudget budget, long stepsPerCheck, CpuAllowance cpu)
{
    /// <summary>Steps an explicability search may take while shrinking: enough to reorder a few calls of a
    /// small witness. Refuting is what costs (every order is tried), and shrinking asks many times.</summary>
    public const long ShrinkExplainSteps = 2048;

    /// <summary>Steps for the few explicability searches that choose where shrinking starts.</summary>
    public const long StartExplainSteps = 1 << 15;

    public SearchProblem Problem => problem;

    public bool OutOfBudget => cpu.Spent || budget.Exhausted() is not null;

    /// <summary>True when the calls on their own are shown not linearizable within the step cap.</summary>
    public bool Invalid(IReadOnlyList<int> calls) =>
        !OutOfBudget && new WglSearch(problem.Subset(calls), budget.Meter).Advance(stepsPerCheck, budget)?.Validity == Validity.Invalid;

    /// <summary>True when the calls on their own are shown linearizable within the step cap.</summary>
    public bool Linearizable(IReadOnlyList<int> calls) =>
        !OutOfBudget && new WglSearch(problem.Subset(calls), budget.Meter).Advance(stepsPerCheck, budget)?.Validity == Validity.Valid;

    /// <summary>The calls in an order in which the model accepts every one of them (real time ignored), trying
    /// <paramref name="calls"/>' own order first; null when none is found within <paramref name="maxSteps"/>.</summary>
    public List<int>? Explain(IReadOnlyList<int> calls, long maxSteps = ShrinkExplainSteps)
    {
        if (Replays(calls)) return [.. calls];
        if (OutOfBudget) return null;
        var outcome = new WglSearch(problem.Unordered(calls), budget.Meter).Advance(maxSteps, budget);
        if (outcome?.Validity != Validity.Valid) return null;
        var order = new List<int>(calls.Count);
        var placed = new bool[calls.Count];
        foreach (var i in outcome.Linearization)
        {
            order.Add(calls[i]);
            placed[i] = true;
        }
        // Crashed calls left out never happened; at the end they are applied only where legal.
        for (var i = 0; i < calls.Count; i++)
            if (!placed[i]) order.Add(calls[i]);
        return order;
    }

    /// <summary>True when the model accepts the calls in this order; a crashed call takes effect where it is
    /// legal and is otherwise taken never to have happened.</summary>
    public bool Replays(IReadOnlyList<int> order)
    {
        var model = problem.Model;
        var state = model.Initial;
        foreach (var c in order)
        {
            var next = model.Step(state, problem.Ops[c]);
            if (next >= 0) state = next;
            else if (!problem.Crashed[c]) return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="c"/> never changes the state: removing it from a legal order leaves
    /// the order legal.</summary>
    public bool ReadOnly(int c) => !problem.Crashed[c] && problem.Model.IsReadOnly(problem.Ops[c]);
}
