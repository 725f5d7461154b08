using System.Net.Http;
using System.Net.Sockets;
using Grpc.Core;
using Harness.Core.History;

namespace Harness.Workloads.Etcd.Internal;

/// <summary>
/// Turns an exception from an etcd call into Fail (it certainly did not happen) or Info (we cannot know). A read has
/// no effect, so a failed read is always Fail. A write (put, or the compare-and-set transaction) is Fail only when it
/// never reached a member: gRPC <c>Unavailable</c> because the connection could not be opened, or a request etcd
/// refuses before proposing it to Raft (invalid argument, too many requests, no leader with require-leader). Everything else
/// is Info: a missed deadline or a connection lost after the request was sent, and etcd's own
/// "etcdserver: request timed out" (the proposal was made and may still commit — Jepsen's etcd client says the same).
/// </summary>
internal static class EtcdErrors
{
    public static OpType Classify(Exception e, bool isRead)
    {
        if (isRead) return OpType.Fail;
        return e switch
        {
            RpcException { StatusCode: StatusCode.Unavailable } rpc when NeverSent(rpc.Status.DebugException) => OpType.Fail,
            RpcException rpc when rpc.Status.Detail.Contains("etcdserver: request timed out", StringComparison.Ordinal) => OpType.Info,
            RpcException rpc when rpc.Status.Detail.Contains("etcdserver: no leader", StringComparison.Ordinal) => OpType.Fail,
            RpcException { StatusCode: StatusCode.InvalidArgument or StatusCode.ResourceExhausted or StatusCode.PermissionDenied
                or StatusCode.Unauthenticated or StatusCode.OutOfRange or StatusCode.Unimplemented } => OpType.Fail,
            HttpRequestException http when NeverSent(http) => OpType.Fail,
            _ => OpType.Info,
        };
    }

    /// <summary>True when the exception chain says the connection was never established (refused, the connect
    /// attempt failed, or the HTTP/2 handshake did not complete), so the request cannot have been sent.</summary>
    public static bool NeverSent(Exception? e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
                return true;
            if (x is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
                return true;
            // Docker's port proxy accepts the TCP connection for a dead member and then resets it: the HTTP/2 handshake
            // (preface and SETTINGS) never completes, and no request is written before it does.
            if (x is HttpRequestException or HttpIOException && x.Message.Contains("did not complete the HTTP/2 handshake", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    public static string Describe(Exception e) => e switch
    {
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        OperationCanceledException => "cancelled at deadline",
        _ => e.GetBaseException().Message,
    };
}
