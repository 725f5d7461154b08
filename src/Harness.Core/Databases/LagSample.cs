namespace Harness.Core.Databases;

/// <summary>
/// One replication-lag reading for one replica at one moment (a line of <c>lag.jsonl</c>). Fields a database
/// cannot report are null. PostgreSQL: write/flush/replay lag and LSN distance come from the primary's
/// <c>pg_stat_replication</c>; <see cref="ReplayAgeMs"/> is <c>now() - pg_last_xact_replay_timestamp()</c> on the replica.
/// <see cref="HeartbeatLagMs"/> comes from a heartbeat row written on the primary and read on the replica (the same
/// measure on every database that has one): how long the replica has been missing an acknowledged heartbeat.
/// </summary>
public sealed record LagSample(
    long Time,
    string Node,
    double? WriteLagMs = null,
    double? FlushLagMs = null,
    double? ReplayLagMs = null,
    long? LsnBehindBytes = null,
    double? ReplayAgeMs = null,
    string? State = null,
    double? HeartbeatLagMs = null);
