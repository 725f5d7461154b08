namespace Harness.Workloads.MariaDb;

/// <summary>
/// How a single-leader MariaDB cluster commits. <c>async</c>: the primary acknowledges a commit once it is in its own
/// binlog and InnoDB; replicas fetch it later. <c>semi-sync</c>: the built-in semi-synchronous replication of 10.11
/// (<c>rpl_semi_sync_master_enabled</c> on the primary, <c>rpl_semi_sync_slave_enabled</c> on replicas): a commit
/// waits until one replica acknowledges having received it, at the wait point (<c>AFTER_SYNC</c>: before the commit
/// is visible on the primary, MySQL's "lossless" mode; <c>AFTER_COMMIT</c>, MariaDB's default: after it is visible
/// to other sessions). When no acknowledgement comes within <see cref="TimeoutMs"/>
/// (<c>rpl_semi_sync_master_timeout</c>) the primary gives up waiting, commits, and falls back to asynchronous
/// replication until a replica catches up.
/// </summary>
public sealed record ReplicaSetOptions(string Replication = "async", int TimeoutMs = 10_000, string WaitPoint = "after-sync")
{
    public static IReadOnlyList<string> Modes { get; } = ["async", "semi-sync"];

    public bool SemiSync => Replication switch
    {
        "async" => false,
        "semi-sync" => true,
        _ => throw new ArgumentException($"unknown replication mode '{Replication}'; use one of: {string.Join(", ", Modes)}"),
    };

    /// <summary>The server's spelling of the wait point.</summary>
    public string WaitPointSetting => WaitPoint switch
    {
        "after-sync" => "AFTER_SYNC",
        "after-commit" => "AFTER_COMMIT",
        _ => throw new ArgumentException($"unknown semi-sync wait point '{WaitPoint}'; use after-sync or after-commit"),
    };
}
