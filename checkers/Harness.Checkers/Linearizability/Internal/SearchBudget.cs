using System.Diagnostics;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>When a search must give up: a deadline (Stopwatch ticks), a cancellation token, and a cap on the
/// memory its cache of configurations may use.</summary>
internal readonly record struct SearchBudget(long DeadlineTicks, CancellationToken Cancellation, long MaxCacheBytes)
{
    public static SearchBudget For(TimeSpan? limit, CancellationToken token, long maxCacheBytes = 3L << 29) => new(
        limit is { } l ? Stopwatch.GetTimestamp() + (long)(l.TotalSeconds * Stopwatch.Frequency) : long.MaxValue,
        token, maxCacheBytes);

    /// <summary>A budget that ends at the earlier of this one's deadline and <paramref name="limit"/> from now.</summary>
    public SearchBudget Within(TimeSpan limit) => this with
    {
        DeadlineTicks = Math.Min(DeadlineTicks, Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency)),
    };

    public string? Exhausted()
    {
        if (Cancellation.IsCancellationRequested) return "the check was cancelled";
        return Stopwatch.GetTimestamp() > DeadlineTicks ? "the time limit ran out" : null;
    }
}
