using System.Globalization;

namespace Harness.Workloads.Sql.Internal;

/// <summary>A connect that was not attempted because the node's reconnect back-off had not passed within the
/// operation's wait budget: nothing was sent, so the operation is a certain Fail.</summary>
internal sealed class ConnectDeferredException(int failures, TimeSpan remaining) : Exception(string.Create(CultureInfo.InvariantCulture,
    $"not attempted: backing off after {failures} failed connect(s), next attempt in {remaining.TotalSeconds:0.00} s"));
