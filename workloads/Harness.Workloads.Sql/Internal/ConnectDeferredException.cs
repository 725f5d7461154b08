using System.Globalization;

namespace Harness.Workloads.Sql.Internal;

/// <summary>A connect that was not attempted, because the node's reconnect back-off had not passed or other clients'
/// connects to it were in flight, within the operation's wait budget: nothing was sent, so the operation is a
/// certain Fail.</summary>
internal sealed class ConnectDeferredException(string message) : Exception(message)
{
    public static ConnectDeferredException BackingOff(int failures, TimeSpan remaining) => new(string.Create(CultureInfo.InvariantCulture,
        $"not attempted: backing off after {failures} failed connect(s), next attempt in {remaining.TotalSeconds:0.00} s"));

    public static ConnectDeferredException Busy(string node, int inFlight) => new(string.Create(CultureInfo.InvariantCulture,
        $"not attempted: {inFlight} other connect(s) to {node} in flight"));
}
