using System.Net;
using System.Net.Sockets;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Workloads.Swift.Internal;

/// <summary>
/// What a Swift answer means for the history. A PUT: 201 is Ok; 202 is also Ok, as swiftclient counts it, but it
/// means the object servers refused the write as older than what they hold (last-writer-wins), so it is marked;
/// 404 (the proxy could not read account or container info) and other 4xx wrote nothing: Fail; 503 may have
/// reached one replica that is never rolled back: Info. A connection refused before sending is Fail, a timeout
/// or broken connection Info. Reads have no effect, so any failed read is Fail.
/// </summary>
internal static class SwiftOutcome
{
    /// <summary>The flag on an Ok write answered 202 (see <see cref="Core.Databases.IReplicaObservable.AcceptedNotStoredPrefix"/>).</summary>
    public const string Accepted202 = Core.Databases.IReplicaObservable.AcceptedNotStoredPrefix + ": refused by the object servers as older (last-writer-wins)";

    public static Completion Put(HttpStatusCode status, object? value, string node) => (int)status switch
    {
        201 => new Completion(OpType.Ok, value, null, node),
        202 => new Completion(OpType.Ok, value, Accepted202, node),
        >= 400 and < 500 => new Completion(OpType.Fail, value, $"HTTP {(int)status}", node),
        _ => new Completion(OpType.Info, value, $"HTTP {(int)status}", node),
    };

    public static Completion ReadFailed(HttpStatusCode status, object? value, string node) =>
        new(OpType.Fail, value, $"HTTP {(int)status}", node);

    /// <summary>An exception from a request: Fail if it certainly never reached the server (or it was a read), else Info.</summary>
    public static Completion Exception(Exception e, object? value, string node, bool isRead)
    {
        var refused = e is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } }
            || e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
        var type = isRead || refused ? OpType.Fail : OpType.Info;
        return new Completion(type, value, e is OperationCanceledException or TimeoutException ? "timeout" : e.GetType().Name + ": " + e.Message, node);
    }
}
