using System.Net.Sockets;
using Harness.Core.History;
using Harness.Workloads.Redis.Internal;
using NUnit.Framework;
using StackExchange.Redis;

namespace Harness.Core.Tests.Workloads;

/// <summary>The Redis error classifier: for each way StackExchange.Redis fails, whether the operation certainly did
/// not happen (Fail) or might have (Info). Getting this wrong either hides lost writes or invents anomalies.</summary>
public class RedisErrorsTests
{
    private static readonly Exception[] RefusedByServer =
    [
        new RedisServerException(RedisErrorKind.ReadOnly, CommandFlags.None, "READONLY You can't write against a read only replica."),
        new RedisServerException(RedisErrorKind.NoReplicas, CommandFlags.None, "NOREPLICAS Not enough good replicas to write."),
        new RedisServerException(RedisErrorKind.MasterDown, CommandFlags.None, "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."),
    ];

    private static readonly Exception[] NeverSent =
    [
        new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "It was not possible to connect to the redis server(s).", null, CommandStatus.Unknown),
        new RedisConnectionException(ConnectionFailureType.SocketFailure, CommandFlags.None, "No connection is active/available to service this operation: SET r",
            null, CommandStatus.WaitingToBeSent),
        new RedisConnectionException(ConnectionFailureType.SocketClosed, CommandFlags.None, "disconnected while queued", null, CommandStatus.WaitingInBacklog),
        new RedisConnectionException(ConnectionFailureType.SocketFailure, CommandFlags.None, "refused", new SocketException((int)SocketError.ConnectionRefused), CommandStatus.Unknown),
        new RedisCommandException("Command cannot be issued to a replica: SET r"),
    ];

    private static readonly Exception[] MaybeApplied =
    [
        new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response (outbound=0KiB, inbound=0KiB, 2000ms elapsed)", CommandStatus.Sent),
        new RedisTimeoutException(CommandFlags.None, "Timeout performing SET (2000ms)", CommandStatus.Unknown),
        new RedisConnectionException(ConnectionFailureType.SocketClosed, CommandFlags.None, "SocketClosed on 127.0.0.1:6379/Interactive", null, CommandStatus.Sent),
        new RedisConnectionException(ConnectionFailureType.ConnectionDisposed, CommandFlags.None, "connection disposed", null, CommandStatus.Unknown),
        new OperationCanceledException("deadline"),
        new IOException("Connection reset by peer"),
    ];

    [TestCaseSource(nameof(RefusedByServer))]
    public void AWriteTheServerRefusedFails(Exception e) =>
        Assert.That(RedisErrors.Classify(e, isRead: false, connecting: false), Is.EqualTo(OpType.Fail), e.Message);

    [TestCaseSource(nameof(NeverSent))]
    public void AWriteThatWasNeverSentFails(Exception e) =>
        Assert.That(RedisErrors.Classify(e, isRead: false, connecting: false), Is.EqualTo(OpType.Fail), e.Message);

    [TestCaseSource(nameof(MaybeApplied))]
    public void AWriteThatMayHaveReachedTheServerIsInfo(Exception e) =>
        Assert.That(RedisErrors.Classify(e, isRead: false, connecting: false), Is.EqualTo(OpType.Info), e.Message);

    [TestCaseSource(nameof(MaybeApplied))]
    public void AFailedReadOrConnectIsAlwaysFail(Exception e)
    {
        Assert.That(RedisErrors.Classify(e, isRead: true, connecting: false), Is.EqualTo(OpType.Fail), "a read has no effect");
        Assert.That(RedisErrors.Classify(e, isRead: false, connecting: true), Is.EqualTo(OpType.Fail), "nothing is sent before the connection is open");
    }

    [Test]
    public void DescriptionsNameTheServerErrorAndTheCommandStatus()
    {
        Assert.That(RedisErrors.Describe(RefusedByServer[1]), Does.StartWith("NOREPLICAS"));
        Assert.That(RedisErrors.Describe(MaybeApplied[0]), Does.StartWith("timeout (Sent)"));
        Assert.That(RedisErrors.Describe(NeverSent[1]), Does.Contain("WaitingToBeSent"));
        Assert.That(RedisErrors.Describe(new OperationCanceledException()), Is.EqualTo("cancelled at deadline"));
    }
}
