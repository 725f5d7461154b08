using System.Net.Sockets;
using Harness.Core.History;
using StackExchange.Redis;

namespace Harness.Workloads.Redis.Internal;

/// <summary>
/// Turns a StackExchange.Redis exception into Fail (the command certainly did not take effect) or Info (we cannot
/// know). A read has no effect, so a failed read is Fail, and so is anything that fails while connecting. For a
/// write: an error reply from the server (<c>READONLY</c> on a replica, <c>NOREPLICAS</c> under
/// <c>min-replicas-to-write</c>, <c>MASTERDOWN</c>, ...) means Redis refused it before executing it: Fail. The client
/// refusing to send it (no connection, command not allowed on a replica) is Fail too, as is a connection failure
/// whose command was still waiting to be sent. A timeout, or a connection lost after the command was sent, is Info:
/// the master may well have applied (and acknowledged to nobody) the write.
/// </summary>
internal static class RedisErrors
{
    public static OpType Classify(Exception e, bool isRead, bool connecting)
    {
        if (isRead || connecting) return OpType.Fail;
        return e switch
        {
            RedisServerException => OpType.Fail,
            RedisCommandException => OpType.Fail,
            RedisTimeoutException => OpType.Info,
            RedisConnectionException c when NotSent(c.CommandStatus) || c.FailureType == ConnectionFailureType.UnableToConnect => OpType.Fail,
            RedisConnectionException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => OpType.Fail,
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => OpType.Fail,
            _ => OpType.Info,
        };
    }

    public static string Describe(Exception e) => e switch
    {
        RedisServerException => e.Message,
        RedisConnectionException c => $"{c.FailureType} ({c.CommandStatus}): {FirstLine(c.Message)}",
        RedisTimeoutException t => $"timeout ({t.Commandstatus}): {FirstLine(t.Message)}",
        OperationCanceledException => "cancelled at deadline",
        _ => FirstLine(e.GetBaseException().Message),
    };

    private static bool NotSent(CommandStatus status) => status is CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog;

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\n', '\r']);
        var line = end < 0 ? text : text[..end];
        return line.Length > 200 ? line[..200] : line;
    }
}
