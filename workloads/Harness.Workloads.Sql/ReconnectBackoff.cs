using Harness.Core.Testing;

namespace Harness.Workloads.Sql;

/// <summary>
/// How long a client waits before it connects to a node again after connecting there failed: capped exponential
/// back-off with "equal jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"). After <c>n</c> consecutive
/// failures the ceiling is <c>min(Cap, Base * 2^(n-1))</c> and the delay is drawn uniformly from its upper half, so
/// retries of many clients spread out (no synchronised waves) yet never come back at once (the lower bound).
/// Without it, thirty clients of a starved PostgreSQL reconnected the moment a connect timed out, the postmaster's
/// listen backlog stayed full and almost no operation got through. Both bounds derive from the operation timeout
/// (<c>--op-timeout</c>), so nothing that shapes a run hides in code: the base is a sixtieth of it (50 ms for the
/// default 3 s), the cap the timeout itself. Pure: the random draw is passed in.
/// </summary>
public sealed record ReconnectBackoff(TimeSpan Base, TimeSpan Cap)
{
    /// <summary>The policy for <paramref name="test"/>'s operation timeout.</summary>
    public static ReconnectBackoff For(TestSpec test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var timeout = TimeSpan.FromSeconds(Math.Max(test.OperationTimeoutSeconds, 0.06));
        return new ReconnectBackoff(timeout / 60, timeout);
    }

    /// <summary>The largest delay after <paramref name="failures"/> consecutive failed connects (zero for none).</summary>
    public TimeSpan Ceiling(int failures)
    {
        if (failures <= 0) return TimeSpan.Zero;
        var exponent = Math.Min(failures - 1, 30); // 2^30 times any sane base is far past any cap
        var ticks = Base.Ticks * Math.Pow(2, exponent);
        return ticks >= Cap.Ticks ? Cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The delay after <paramref name="failures"/> consecutive failures for a uniform draw
    /// <paramref name="unit"/> in [0, 1): between half the ceiling and the ceiling.</summary>
    public TimeSpan Delay(int failures, double unit)
    {
        if (unit is < 0 or >= 1 || double.IsNaN(unit)) throw new ArgumentOutOfRangeException(nameof(unit), unit, "a draw in [0, 1)");
        var ceiling = Ceiling(failures);
        return ceiling / 2 + ceiling / 2 * unit;
    }

    /// <summary>How long one operation may wait for its node's back-off to pass before it gives up without trying
    /// (a certain Fail): half of what the operation timeout leaves after a full connect timeout, so a wait, a
    /// connect and a statement still fit the runner's deadline and a waiting client never turns into Info.</summary>
    public static TimeSpan WaitBudget(TestSpec test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var left = TimeSpan.FromSeconds(test.OperationTimeoutSeconds) - SqlDeadlines.ConnectTimeout(test);
        return left <= TimeSpan.Zero ? TimeSpan.Zero : left / 2;
    }
}
