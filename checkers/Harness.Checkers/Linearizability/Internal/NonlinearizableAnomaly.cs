using System.Globalization;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Explains a part that is not linearizable: the longest linearizable prefix the search found, the completed
/// operation that cannot be placed after it, the model state there and why the model refuses it; then a small
/// witness (shrunk subset of operations that is still not linearizable) whose history indices become the
/// anomaly's <see cref="Anomaly.OpIndices"/> (for a whole-history search of a product model, shrunk from the
/// projection that fails: <see cref="ProjectedWitness"/>).
/// </summary>
internal static class NonlinearizableAnomaly
{
    /// <summary><paramref name="shrinkCpu"/>: the processor time witness shrinking may use.</summary>
    public static Anomaly Build(Partition part, string model, SearchBudget shrinkBudget, CpuAllowance shrinkCpu)
    {
        var problem = part.Problem!;
        var outcome = part.Outcome!;
        // A whole-history search of a product model: the witness comes from the failing component's projection.
        var witness = (!part.Keyed && problem.Model is IProductModel product
                ? ProjectedWitness.Find(problem, outcome, product, shrinkBudget, shrinkCpu) : null)
            ?? WitnessShrinker.Shrink(problem, outcome, shrinkBudget, 4 * outcome.Steps + 100_000, shrinkCpu);
        var blocked = outcome.Blocked >= 0 ? part.Calls[outcome.Blocked] : null;
        var reason = blocked is null ? "no operation could be placed" : Why(problem, outcome);
        var where = part.Keyed ? $" on key {part.KeyText}" : "";
        var prefix = outcome.Deepest;
        var last = prefix.Length > 0 ? $", the last being {Describe(part.Calls[prefix[^1]])}" : "";
        var sentence = blocked is null
            ? $"The history{where} is not linearizable for the {model} model."
            : $"The history{where} is not linearizable for the {model} model: {Describe(blocked)} cannot be placed. " +
              $"The longest linearizable prefix found has {prefix.Length} of {part.Calls.Count} operations{last}; " +
              $"after it the state is {problem.Model.DescribeState(outcome.DeepestState)}, and {reason}. " +
              $"A minimal witness has {witness.Length} operations.";
        var indices = witness.SelectMany(i => part.Calls[i].Indices()).Order().ToList();
        return new Anomaly("nonlinearizable", sentence, indices)
        {
            Data = Data(part, model, witness, blocked, reason, problem.Model.DescribeState(outcome.DeepestState)),
        };
    }

    private static string Why(SearchProblem problem, SearchOutcome outcome)
    {
        var op = problem.Ops[outcome.Blocked];
        return problem.Model.Step(outcome.DeepestState, op) < 0
            ? problem.Model.WhyIllegal(outcome.DeepestState, op)
            : "it is legal there, but every order that places it leaves some other completed operation impossible";
    }

    private static Dictionary<string, object?> Data(Partition part, string model, int[] witness, HistoryCall? blocked, string reason, string state)
    {
        var prefix = part.Outcome!.Deepest;
        return new Dictionary<string, object?>
        {
            ["model"] = model,
            ["key"] = part.Keyed ? part.KeyText : null,
            ["blocked-op"] = blocked?.Invoke.Index,
            ["blocked-completion"] = blocked?.Completion?.Index,
            ["state"] = state,
            ["reason"] = reason,
            ["prefix-length"] = (long)prefix.Length,
            ["operations"] = (long)part.Calls.Count,
            ["prefix-tail"] = prefix.Skip(Math.Max(0, prefix.Length - 20)).Select(i => (object?)part.Calls[i].Invoke.Index).ToArray(),
            ["witness"] = witness.Select(i => Row(part.Calls[i])).Cast<object?>().ToArray(),
        };
    }

    /// <summary>One witness operation for a timeline: invocation and completion index, process, f, values.</summary>
    private static Dictionary<string, object?> Row(HistoryCall c) => new()
    {
        ["invoke"] = c.Invoke.Index,
        ["complete"] = c.Completion?.Index,
        ["process"] = (long)c.Invoke.Process,
        ["f"] = c.Invoke.F,
        ["value"] = c.Invoke.Value,
        ["output"] = c.Completion?.Value,
        ["type"] = c.Completion is null ? "info" : c.Completion.Type.ToString().ToLowerInvariant(),
    };

    public static string Describe(HistoryCall c)
    {
        var outcome = c.Crashed ? " (outcome unknown)" : c.Invoke.F is "read" or "r" or "get" or "dequeue" ? " returning " + ValueText.Format(c.Output) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{c.Invoke.F}{(c.Input is null ? "" : " " + ValueText.Format(c.Input))}{outcome} by process {c.Invoke.Process} (op {c.Invoke.Index})");
    }
}
