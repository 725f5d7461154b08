using System.Collections.Concurrent;
using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Searches the parts of a history on all cores (the caller's thread and pool threads). Parts wait in a queue, smallest first; a worker takes one,
/// advances its search by a slice of steps and puts it back if unfinished, so a hard key cannot starve the
/// others. The first part found not linearizable stops every worker: the verdict is known, and the parts left
/// unfinished keep no outcome (their caches' memory goes back to the pool).
/// </summary>
internal static class PartitionSearch
{
    private const long Slice = 1 << 11;

    public static void Run(IReadOnlyList<Partition> parts, SearchBudget budget, bool parallel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(budget.Cancellation);
        var shared = budget with { Cancellation = stop.Token };
        var queue = new ConcurrentQueue<(Partition Part, WglSearch? Search)>(
            parts.OrderBy(p => p.Calls.Count).Select(p => (p, (WglSearch?)null)));
        var workers = parallel ? Math.Min(Environment.ProcessorCount, parts.Count) : 1;
        void Work()
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var item))
            {
                if (item.Part.EncodingError is not null)
                {
                    item.Part.Outcome = new SearchOutcome(Validity.Unknown, item.Part.EncodingError, [], 0, -1);
                    continue;
                }
                var search = item.Search ?? new WglSearch(item.Part.Problem!, shared.Meter);
                var outcome = search.Advance(Slice, shared);
                if (outcome is null) queue.Enqueue((item.Part, search));
                else if (outcome.Validity == Validity.Unknown && stop.IsCancellationRequested && !budget.Cancellation.IsCancellationRequested) continue;
                else item.Part.Outcome = outcome;
                if (outcome?.Validity == Validity.Invalid) stop.Cancel();
            }
        }
        if (workers <= 1) Work();
        else
        {
            // The calling thread is one of the workers: it would only wait otherwise (and a pool thread must wake).
            var helpers = Enumerable.Range(0, workers - 1).Select(_ => Task.Run(Work)).ToArray();
            Work();
            Task.WaitAll(helpers);
        }
        while (queue.TryDequeue(out var left)) left.Search?.Abandon();
    }
}
