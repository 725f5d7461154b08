using Harness.Workloads.Sql;
using Npgsql;

namespace Harness.Workloads.Postgres;

/// <summary>
/// PostgreSQL's refusals: a server error whose SQLSTATE class says the statement was rejected and rolled back —
/// 40 (serialization failure 40001, deadlock 40P01), 23 (constraint, e.g. duplicate key 23505), 22 (data),
/// 42 (syntax, missing table, privileges), 25 (e.g. 25006 read-only standby) — or 57P03 (the server is starting
/// or shutting down and accepted no statement). Any other server error during a write (57014 cancelled, 57P01
/// terminated, 08 connection) and every driver error is not a refusal: under <see cref="SqlOutcomeClassifier"/>'s
/// rule it is Info, since a cancelled synchronous commit, for one, is visible on the primary anyway.
/// </summary>
public sealed class PostgresOutcomes : SqlOutcomeClassifier
{
    public static PostgresOutcomes Instance { get; } = new();

    public override bool IsRefusal(Exception e) => e is PostgresException pg &&
        (pg.SqlState.Length >= 2 && pg.SqlState[..2] is "40" or "23" or "22" or "42" or "25" || pg.SqlState == "57P03");

    protected override string? DescribeServerError(Exception e) => e is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : null;
}
