using System.Diagnostics;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>When a search must give up: a deadline (Stopwatch ticks), a cancellation token, and a cap on the
/// memory that the caches of all searches sharing this budget may use together (<see cref="CacheMeter"/>).</summary>
internal readonly record struct SearchBudget(long DeadlineTicks, CancellationToken Cancellation, long MaxCacheBytes, CacheMeter Meter)
{
    /// <summary>1.5 GiB of cache: with the rest of a run this keeps a check inside 2 GiB.</summary>
    public const long DefaultCacheBytes = 3L << 29;

    public static SearchBudget For(TimeSpan? limit, CancellationToken token, long maxCacheBytes = DefaultCacheBytes) => new(
        limit is { } l ? Stopwatch.GetTimestamp() + (long)(l.TotalSeconds * Stopwatch.Frequency) : long.MaxValue,
        token, maxCacheBytes, new CacheMeter());

    /// <summary>A budget that ends at the earlier of this one's deadline and <paramref name="limit"/> from now.</summary>
    public SearchBudget Within(TimeSpan limit) => this with
    {
        DeadlineTicks = Math.Min(DeadlineTicks, Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency)),
    };

    public string? Exhausted()
    {
        if (Cancellation.IsCancellationRequested) return "the check was cancelled";
        if (Stopwatch.GetTimestamp() > DeadlineTicks) return "the time limit ran out";
        return Meter.Bytes > MaxCacheBytes
            ? $"the search caches reached their memory cap of {MaxCacheBytes >> 20} MiB" : null;
    }
}

/// <summary>Bytes held by the configuration caches of concurrent searches, updated as they grow and finish.</summary>
internal sealed class CacheMeter
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Add(long delta) => Interlocked.Add(ref _bytes, delta);
}
