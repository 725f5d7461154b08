namespace Harness.Workloads.MariaDb;

/// <summary>The semi-sync master figures of a primary: whether commits wait for an acknowledgement now (false once it
/// fell back to asynchronous), how many commits were acknowledged by a replica and how many were not (made while
/// falling back or after it), and how many semi-sync replicas are connected.</summary>
public sealed record SemiSyncStatus(bool On, long AcknowledgedCommits, long UnacknowledgedCommits, long Clients);
