using System.Net.Sockets;
using Harness.Core.History;
using MySqlConnector;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>
/// Turns an exception into Fail (it certainly did not happen) or Info (we cannot know). A read has no effect, so a
/// failed read is always Fail; so is anything that failed while connecting, or inside a transaction before COMMIT
/// was sent. Otherwise a write is Fail only when the server refused it: deadlock or Galera certification conflict
/// (1213), lock wait timeout (1205), a Galera node outside the Primary component (1047, "WSREP has not yet prepared
/// node"), read-only (1290, 1792), or a statement error (duplicate key, missing table, syntax, privileges). A lost
/// connection, a timeout or any other error during the statement or COMMIT is Info.
/// </summary>
internal static class MariaDbErrors
{
    private static readonly HashSet<int> Refusals =
    [
        1213, // ER_LOCK_DEADLOCK: deadlock, or a Galera write-set that lost certification
        1205, // ER_LOCK_WAIT_TIMEOUT
        1047, // ER_UNKNOWN_COM_ERROR: WSREP has not yet prepared node for application use
        1290, // ER_OPTION_PREVENTS_STATEMENT (--read-only)
        1792, // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
        1062, // ER_DUP_ENTRY
        1146, // ER_NO_SUCH_TABLE
        1064, // ER_PARSE_ERROR
        1142, // ER_TABLEACCESS_DENIED_ERROR
        1045, // ER_ACCESS_DENIED_ERROR
    ];

    public static OpType Classify(Exception e, bool isRead, OpStage stage)
    {
        if (isRead || stage is OpStage.Connecting or OpStage.BeforeCommit) return OpType.Fail;
        if (e is MySqlException { Number: var number } && Refusals.Contains(number)) return OpType.Fail;
        if (e.GetBaseException() is SocketException { SocketErrorCode: SocketError.ConnectionRefused }) return OpType.Fail;
        return OpType.Info;
    }

    /// <summary>True for a server error that certainly aborted the statement or transaction (see <see cref="Classify"/>).</summary>
    public static bool IsRefusal(MySqlException e) => Refusals.Contains(e.Number);

    public static string Describe(Exception e) => e switch
    {
        MySqlException { Number: > 0 } my => $"{my.Number} {my.Message}",
        OperationCanceledException => "cancelled at deadline",
        _ => e.GetBaseException().Message,
    };
}
