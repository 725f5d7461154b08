using System.Net.Sockets;
using System.Reflection;
using Harness.Core.History;
using Harness.Workloads.MariaDb;
using Harness.Workloads.Sql;
using MySqlConnector;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>
/// MariaDB's outcome classifier on real MySqlConnector exceptions. MySqlException has only internal constructors, so
/// the tests call the one MySqlConnector itself uses, <c>(MySqlErrorCode, sqlState, message, inner)</c>, through
/// reflection, and build each error in the shape the driver throws it: a server error with its number and SQLSTATE,
/// "Failed to read the result set." around the I/O error for a connection lost mid-statement, its command-timeout
/// exception, OperationCanceledException for a cancelled token.
/// </summary>
public class SqlMariaDbClassifierTests
{
    private static readonly MariaDbOutcomes Classifier = MariaDbOutcomes.Instance;

    private static readonly ConstructorInfo MySqlExceptionConstructor = typeof(MySqlException).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic, [typeof(MySqlErrorCode), typeof(string), typeof(string), typeof(Exception)])!;

    private static MySqlException My(int number, string? sqlState, string message, Exception? inner = null) =>
        (MySqlException)MySqlExceptionConstructor.Invoke([(MySqlErrorCode)number, sqlState, message, inner]);

    private static MySqlException Refused() => My((int)MySqlErrorCode.UnableToConnectToHost, null,
        "Unable to connect to any of the specified MySQL hosts.", new SocketException((int)SocketError.ConnectionRefused));

    private static MySqlException Reset() => My(0, null, "Failed to read the result set.",
        new IOException("Unable to read data", new SocketException((int)SocketError.ConnectionReset)));

    private static MySqlException ConnectTimeout() => My((int)MySqlErrorCode.UnableToConnectToHost, null, "Connect Timeout expired.");

    private static MySqlException CommandTimeout() => My((int)MySqlErrorCode.CommandTimeoutExpired, null, "The Command Timeout expired before the operation completed.");

    private static MySqlException ClosedDuringCommit() => My(0, null, "Failed to read the result set.", new EndOfStreamException());

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
        yield return Case("timeout after commit sent", CommandTimeout, SqlPhase.Committing, false, OpType.Info);
        yield return Case("deadline after commit sent", () => new OperationCanceledException(), SqlPhase.Committing, false, OpType.Info);
        yield return Case("serialization failure 1213/40001 (certification)", () => My(1213, "40001", "Deadlock found"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("lock wait timeout 1205", () => My(1205, "HY000", "Lock wait timeout exceeded"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("read-only 1290", () => My(1290, "HY000", "--read-only option"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("read-only mode 1836", () => My(1836, "HY000", "Running in read-only mode"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("read-only transaction 1792", () => My(1792, "25006", "read-only transaction"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("duplicate key 1062", () => My(1062, "23000", "Duplicate entry"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("Galera not ready 1047", () => My(1047, "08S01", "WSREP has not yet prepared node for application use"), SqlPhase.Committing, false, OpType.Fail);
        yield return Case("query interrupted 1317", () => My(1317, "70100", "Query execution was interrupted"), SqlPhase.Committing, false, OpType.Info);
        yield return Case("connection killed 1927", () => My(1927, "70100", "Connection was killed"), SqlPhase.Committing, false, OpType.Info);
        yield return Case("socket closed during COMMIT", ClosedDuringCommit, SqlPhase.Committing, false, OpType.Info);
        yield return Case("socket closed before COMMIT", ClosedDuringCommit, SqlPhase.BeforeCommit, false, OpType.Fail);
        yield return Case("Galera refuses a read 1047", () => My(1047, "08S01", "WSREP has not yet prepared node"), SqlPhase.Committing, true, OpType.Fail);
    }

    [TestCaseSource(nameof(Cases))]
    public OpType Classifies(Func<Exception> error, SqlPhase phase, bool isRead) => Classifier.Classify(error(), phase, isRead);

    [Test]
    public void TheReflectedConstructorBuildsWhatTheDriverWouldThrow()
    {
        var e = My(1213, "40001", "Deadlock found");
        Assert.That((e.Number, e.ErrorCode, e.SqlState), Is.EqualTo((1213, MySqlErrorCode.LockDeadlock, "40001")));
    }

    [Test]
    public void RefusalsAreServerErrorsThatRolledBackAndNothingElse()
    {
        Assert.That(Classifier.IsRefusal(My(1213, "40001", "Deadlock found")), Is.True);
        Assert.That(Classifier.IsRefusal(My(1317, "70100", "interrupted")), Is.False);
        Assert.That(Classifier.IsRefusal(Reset()), Is.False);
        Assert.That(Classifier.IsRefusal(CommandTimeout()), Is.False);
    }

    [Test]
    public void DescriptionsNameTheErrorNumberOrTheUnderlyingCause()
    {
        Assert.That(Classifier.Describe(My(1047, "08S01", "WSREP has not yet prepared node")), Is.EqualTo("1047 WSREP has not yet prepared node"));
        Assert.That(Classifier.Describe(new OperationCanceledException()), Is.EqualTo("cancelled at deadline"));
        Assert.That(Classifier.Describe(Reset()), Is.EqualTo(new SocketException((int)SocketError.ConnectionReset).Message));
    }
}
