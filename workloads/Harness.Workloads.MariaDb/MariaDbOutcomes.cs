using Harness.Workloads.Sql;
using MySqlConnector;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// MariaDB's refusals: server errors that certainly aborted the statement or transaction — deadlock or a Galera
/// write-set that lost certification (1213, SQLSTATE 40001), lock wait timeout (1205), a Galera node outside the
/// Primary component (1047, "WSREP has not yet prepared node for application use"), read-only (1290, 1792, 1836),
/// or a statement error (duplicate key, missing table, syntax, privileges). Anything else during an autocommit
/// statement or COMMIT — a query interrupted (1317), a command timeout, a lost connection — is not a refusal and so,
/// under <see cref="SqlOutcomeClassifier"/>'s rule, Info.
/// </summary>
public sealed class MariaDbOutcomes : SqlOutcomeClassifier
{
    private static readonly HashSet<int> Refusals =
    [
        1213, // ER_LOCK_DEADLOCK: deadlock, or a Galera write-set that lost certification
        1205, // ER_LOCK_WAIT_TIMEOUT
        1047, // ER_UNKNOWN_COM_ERROR: WSREP has not yet prepared node for application use
        1290, // ER_OPTION_PREVENTS_STATEMENT (--read-only)
        1792, // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
        1836, // ER_READ_ONLY_MODE
        1062, // ER_DUP_ENTRY
        1146, // ER_NO_SUCH_TABLE
        1064, // ER_PARSE_ERROR
        1142, // ER_TABLEACCESS_DENIED_ERROR
        1045, // ER_ACCESS_DENIED_ERROR
    ];

    public static MariaDbOutcomes Instance { get; } = new();

    public override bool IsRefusal(Exception e) => e is MySqlException { Number: var number } && Refusals.Contains(number);

    protected override string? DescribeServerError(Exception e) => e is MySqlException { Number: > 0 } my ? $"{my.Number} {my.Message}" : null;
}
