using System.Net.Sockets;
using Harness.Core.History;
using Npgsql;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>
/// Turns an exception into Fail (it certainly did not happen) or Info (we cannot know). A read has no effect,
/// so a failed read is always Fail. A write is Fail only when the server refused it (serialization failure,
/// constraint, read-only standby) or the connection could not be opened; a timeout or a connection lost
/// mid-operation is Info — a cancelled synchronous commit, for one, becomes visible on the primary anyway.
/// </summary>
internal static class PostgresErrors
{
    public static OpType Classify(Exception e, bool isRead, bool connecting)
    {
        if (isRead || connecting) return OpType.Fail;
        if (e is PostgresException pg)
        {
            var cls = pg.SqlState.Length >= 2 ? pg.SqlState[..2] : "";
            if (cls is "40" or "23" or "22" or "42" or "25" || pg.SqlState == "57P03") return OpType.Fail;
            return OpType.Info;
        }
        if (e is NpgsqlException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } }) return OpType.Fail;
        return OpType.Info;
    }

    public static string Describe(Exception e) => e switch
    {
        PostgresException pg => $"{pg.SqlState} {pg.MessageText}",
        OperationCanceledException => "cancelled at deadline",
        _ => e.GetBaseException().Message,
    };
}
