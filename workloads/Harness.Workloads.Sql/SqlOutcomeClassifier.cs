using System.Net.Sockets;
using Harness.Core.History;

namespace Harness.Workloads.Sql;

/// <summary>
/// The rule every SQL database shares; a module adds only which server errors are refusals. A read has no effect,
/// so a failed read is Fail; so is anything that failed while connecting, or inside a transaction before COMMIT
/// was sent (the server rolls back an unfinished transaction when its connection goes). An autocommit write or a
/// COMMIT that failed is Fail only when the server refused it, or the connection was refused; a timeout, a
/// cancellation or a connection lost mid-statement is Info: the server may have committed before the news was lost.
/// </summary>
public abstract class SqlOutcomeClassifier : ISqlOutcomeClassifier
{
    public OpType Classify(Exception e, SqlPhase phase, bool isRead)
    {
        if (isRead || phase is SqlPhase.Connecting or SqlPhase.BeforeCommit) return OpType.Fail;
        return IsRefusal(e) || IsConnectionRefused(e) ? OpType.Fail : OpType.Info;
    }

    public abstract bool IsRefusal(Exception e);

    public string Describe(Exception e) => e switch
    {
        OperationCanceledException => "cancelled at deadline",
        _ => DescribeServerError(e) ?? e.GetBaseException().Message,
    };

    /// <summary>The server's code and message when <paramref name="e"/> is a server error, else null.</summary>
    protected abstract string? DescribeServerError(Exception e);

    /// <summary>True when somewhere in the chain the TCP connection was refused: no server received anything.</summary>
    private static bool IsConnectionRefused(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is SocketException { SocketErrorCode: SocketError.ConnectionRefused }) return true;
        return false;
    }
}
