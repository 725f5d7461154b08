using Harness.Core.Testing;

namespace Harness.Workloads.Sql;

/// <summary>
/// Deadlines derived from the test, so that <c>--op-timeout</c> shapes every one of them. A connection attempt must
/// end before the runner's operation deadline: a connection never made is a certain Fail, while a deadline missed
/// is Info and retires the process. Two thirds of the operation timeout (2 s for the default 3 s) leaves the rest
/// for the statement; the bounds keep a tiny timeout usable and a huge one from hiding a dead node.
/// </summary>
public static class SqlDeadlines
{
    public static readonly TimeSpan MinConnectTimeout = TimeSpan.FromSeconds(0.5);
    public static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(10);

    public static TimeSpan ConnectTimeout(TestSpec test)
    {
        var twoThirds = TimeSpan.FromSeconds(test.OperationTimeoutSeconds * 2 / 3);
        return twoThirds < MinConnectTimeout ? MinConnectTimeout : twoThirds > MaxConnectTimeout ? MaxConnectTimeout : twoThirds;
    }

    /// <summary>A timeout in whole seconds for drivers that take only those, rounded up so the driver never gives
    /// up before the (exact) cancellation that enforces <paramref name="timeout"/>.</summary>
    public static int WholeSeconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
