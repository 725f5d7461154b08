using System.Net.Http;
using System.Net.Sockets;
using Grpc.Core;
using Harness.Core.History;
using Harness.Workloads.Etcd.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The etcd error classifier: for each error the gRPC client or etcd raises, whether a write certainly did not
/// happen (Fail) or may have (Info); reads always Fail.</summary>
public class EtcdErrorsTests
{
    private static RpcException Rpc(StatusCode code, string detail, Exception? debug = null) => new(new Status(code, detail, debug));

    private static readonly Exception Refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:32768)",
        new SocketException((int)SocketError.ConnectionRefused));

    [Test]
    public void AWriteThatCouldNotConnectFails()
    {
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, "Error starting gRPC call. HttpRequestException: Connection refused", Refused), isRead: false),
            Is.EqualTo(OpType.Fail));
        Assert.That(EtcdErrors.Classify(Refused, isRead: false), Is.EqualTo(OpType.Fail));
        var handshake = new HttpRequestException(HttpRequestError.InvalidResponse,
            "An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.", new IOException("Connection reset by peer"));
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, "Error starting gRPC call.", handshake), isRead: false), Is.EqualTo(OpType.Fail),
            "docker's port proxy reset the connection of a dead member before the handshake");
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, "connect failed", new SocketException((int)SocketError.ConnectionRefused)), false),
            Is.EqualTo(OpType.Fail));
    }

    [Test]
    public void AWriteWhoseConnectionDiedAfterSendingIsUnknown()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("connection reset"));
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, "Error reading next message.", reset), isRead: false), Is.EqualTo(OpType.Info));
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, "Error starting gRPC call.", new IOException("broken pipe")), isRead: false),
            Is.EqualTo(OpType.Info));
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Internal, "stream reset"), isRead: false), Is.EqualTo(OpType.Info));
    }

    [Test]
    public void AMissedDeadlineOrCancellationOfAWriteIsUnknown()
    {
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.DeadlineExceeded, "Deadline Exceeded"), isRead: false), Is.EqualTo(OpType.Info));
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Cancelled, "Call canceled by the client."), isRead: false), Is.EqualTo(OpType.Info));
        Assert.That(EtcdErrors.Classify(new OperationCanceledException(), isRead: false), Is.EqualTo(OpType.Info));
    }

    [Test]
    public void EtcdsOwnRequestTimeoutIsUnknownBecauseTheProposalMayStillCommit()
    {
        foreach (var detail in new[] { "etcdserver: request timed out", "etcdserver: request timed out, possibly due to previous leader failure" })
            Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, detail), isRead: false), Is.EqualTo(OpType.Info), detail);
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, "etcdserver: leader changed"), isRead: false), Is.EqualTo(OpType.Info));
    }

    [Test]
    public void RequestsEtcdRefusesBeforeProposingFail()
    {
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, "etcdserver: no leader"), isRead: false), Is.EqualTo(OpType.Fail));
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.InvalidArgument, "etcdserver: key is not provided"), isRead: false), Is.EqualTo(OpType.Fail));
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.ResourceExhausted, "etcdserver: too many requests"), isRead: false), Is.EqualTo(OpType.Fail));
    }

    [Test]
    public void AFailedReadAlwaysFailsBecauseItHadNoEffect()
    {
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.DeadlineExceeded, "Deadline Exceeded"), isRead: true), Is.EqualTo(OpType.Fail));
        Assert.That(EtcdErrors.Classify(Rpc(StatusCode.Unavailable, "etcdserver: request timed out"), isRead: true), Is.EqualTo(OpType.Fail));
        Assert.That(EtcdErrors.Classify(new IOException("reset"), isRead: true), Is.EqualTo(OpType.Fail));
    }

    [Test]
    public void DescriptionsNameTheStatusAndDetail() =>
        Assert.That(EtcdErrors.Describe(Rpc(StatusCode.Unavailable, "etcdserver: request timed out")), Is.EqualTo("Unavailable: etcdserver: request timed out"));
}
