using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>Searches the parts of a history, in parallel when there are several, largest first. The first
/// part found not linearizable cancels the others (they are then left unsearched: the verdict is already known).</summary>
internal static class PartitionSearch
{
    public static void Run(IReadOnlyList<Partition> parts, SearchBudget budget, bool parallel)
    {
        if (parts.Count == 1 || !parallel)
        {
            foreach (var part in parts)
                if (part.Search(budget) == Validity.Invalid) return;
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(budget.Cancellation);
        var shared = budget with { Cancellation = stop.Token };
        var order = parts.OrderByDescending(p => p.Calls.Count).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(order, options, (part, loop) =>
        {
            if (stop.IsCancellationRequested) return;
            if (part.Search(shared) == Validity.Invalid)
            {
                stop.Cancel();
                loop.Stop();
            }
        });
    }
}
