using System.Diagnostics;

namespace Harness.Runner;

/// <summary>Monotonic run time in nanoseconds since the run started (never the wall clock, which faults may skew).</summary>
public sealed class RunClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public long NowNs => (long)((Stopwatch.GetTimestamp() - _start) * (1e9 / Stopwatch.Frequency));

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start);

    /// <summary>Waits until the run time reaches <paramref name="untilNs"/> (or cancellation).</summary>
    public Task DelayUntilAsync(long untilNs, CancellationToken cancellationToken)
    {
        var ms = (untilNs - NowNs) / 1_000_000.0;
        return ms <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(Math.Min(ms, 60_000)), cancellationToken);
    }
}
