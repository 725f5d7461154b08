using System.Net.Sockets;
using Harness.Core.History;
using Harness.Workloads.Postgres;
using Harness.Workloads.Sql;
using Npgsql;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>
/// PostgreSQL's outcome classifier on the exceptions Npgsql really raises (built with their public constructors, in
/// the shapes Npgsql throws them: a socket error wrapped in an NpgsqlException, a server error as PostgresException
/// with its SQLSTATE, a cancelled command as OperationCanceledException). Fail only when the operation certainly did
/// not happen; a write whose fate is unknown must be Info, or the checkers would report anomalies that never were.
/// </summary>
public class SqlPostgresClassifierTests
{
    private static readonly PostgresOutcomes Classifier = PostgresOutcomes.Instance;

    private static PostgresException Server(string sqlState, string text = "server error") => new(text, "ERROR", "ERROR", sqlState);

    private static NpgsqlException Refused() =>
        new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private static NpgsqlException Reset() =>
        new("Exception while reading from stream", new IOException("Unable to read data", new SocketException((int)SocketError.ConnectionReset)));

    private static NpgsqlException ConnectTimeout() => new("The operation has timed out", new TimeoutException());

    private static NpgsqlException ReadTimeout() => new("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"));

    private static NpgsqlException ClosedDuringCommit() =>
        new("Exception while reading from stream", new EndOfStreamException("Attempted to read past the end of the stream."));

    private static OperationCanceledException Cancelled() => new("Query was cancelled", Server("57014", "canceling statement due to user request"));

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, Func<Exception> e, SqlPhase phase, bool isRead, OpType expected) =>
            new TestCaseData(e, phase, isRead).Returns(expected).SetName($"{name} ({phase}{(isRead ? ", read" : "")}) is {expected}");

        yield return Case("connection refused", Refused, SqlPhase.Connecting, false, OpType.Fail);
        yield return Case("connection refused", Refused, SqlPhase.Committing, false, OpType.Fail);
        yield return Case("reset mid-query", Reset, SqlPhase.Committing, false, OpType.Info);
        yield return Case("reset mid-query", Reset, SqlPhase.BeforeCommit, false, OpType.Fail);
        yield return Case("reset mid-query", Reset, SqlPhase.Committing, true, OpType.Fail);
        yield return Case("timeout before send", ConnectTimeout, SqlPhase.Connecting, false, OpType.Fail);
        yield return Case("deadline before send", () => new OperationCanceledException(), SqlPhase.Connecting, false, OpType.Fail);
        yield return Case("timeout after commit sent", ReadTimeout, SqlPhase.Committing, false, OpType.Info);
        yield return Case("deadline after commit sent", Cancelled, SqlPhase.Committing, false, OpType.Info);
        yield return Case("serialization failure 40001", () => Server("40001"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("deadlock 40P01", () => Server("40P01"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("read-only standby 25006", () => Server("25006"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("duplicate key 23505", () => Server("23505"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("server starting up 57P03", () => Server("57P03"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("query cancelled 57014", () => Server("57014"), SqlPhase.Committing, false, OpType.Info);
        yield return Case("terminated by administrator 57P01", () => Server("57P01"), SqlPhase.Committing, false, OpType.Info);
        yield return Case("socket closed during COMMIT", ClosedDuringCommit, SqlPhase.Committing, false, OpType.Info);
        yield return Case("socket closed before COMMIT", ClosedDuringCommit, SqlPhase.BeforeCommit, false, OpType.Fail);
        yield return Case("standby refuses a read 25006", () => Server("25006"), SqlPhase.Committing, true, OpType.Fail);
    }

    [TestCaseSource(nameof(Cases))]
    public OpType Classifies(Func<Exception> error, SqlPhase phase, bool isRead) => Classifier.Classify(error(), phase, isRead);

    [Test]
    public void RefusalsAreServerErrorsThatRolledBackAndNothingElse()
    {
        Assert.That(Classifier.IsRefusal(Server("40001")), Is.True);
        Assert.That(Classifier.IsRefusal(Server("23505")), Is.True);
        Assert.That(Classifier.IsRefusal(Server("57014")), Is.False, "a cancelled statement may have committed (synchronous commit)");
        Assert.That(Classifier.IsRefusal(Reset()), Is.False);
        Assert.That(Classifier.IsRefusal(Cancelled()), Is.False);
    }

    [Test]
    public void DescriptionsNameTheSqlStateOrTheUnderlyingCause()
    {
        Assert.That(Classifier.Describe(Server("40001", "could not serialize access")), Is.EqualTo("40001 could not serialize access"));
        Assert.That(Classifier.Describe(Cancelled()), Is.EqualTo("cancelled at deadline"));
        Assert.That(Classifier.Describe(ClosedDuringCommit()), Is.EqualTo("Attempted to read past the end of the stream."));
    }
}
