namespace Harness.Workloads.Sql;

/// <summary>How a connection should behave beyond its connection string: give up connecting after
/// <paramref name="ConnectTimeout"/> (null keeps the connection string's), do not wait for the server to acknowledge
/// a cancellation (<paramref name="AbandonOnCancel"/>: a frozen server never would), and run commands without the
/// driver's own command timeout (<paramref name="NoCommandTimeout"/>: the caller's deadline rules).</summary>
public sealed record SqlConnectionSettings(TimeSpan? ConnectTimeout, bool AbandonOnCancel = false, bool NoCommandTimeout = false);
