using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Core.Tests.Workloads.Fakes;
using Harness.Workloads.Sql;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The shared list-append client on a scripted fake connection: the transaction's statements, a refusal
/// before COMMIT (Fail, rolled back, connection kept), a lost connection before COMMIT (Fail) and during COMMIT (Info),
/// and the connect deadline derived from the test's operation timeout.</summary>
public class SqlListAppendClientTests
{
    private static readonly ClientContext Context = new(0, "n1", new TestSpec { OperationTimeoutSeconds = 3 });

    private static readonly Op Txn = new(0, 0, OpType.Invoke, 0, "txn",
        new object?[] { new object?[] { "append", 4L, 9L }, new object?[] { "r", 4L, null } });

    private static async Task<(Completion Result, FakeSqlServer Server)> RunAsync(Func<FakeDbConnection, string, object?> answer)
    {
        var server = new FakeSqlServer { Answer = answer };
        await using var client = SqlClients.ListAppend(new FakeSqlParts(server).Cluster, "repeatable-read")(Context);
        var result = await client.InvokeAsync(Txn, CancellationToken.None);
        return (result, server);
    }

    [Test]
    public async Task ACommittedTransactionReturnsWhatItReadInsideTheTransaction()
    {
        var (result, server) = await RunAsync((_, sql) => sql.StartsWith("lread", StringComparison.Ordinal) ? "1,9" : 1);
        Assert.That(result.Type, Is.EqualTo(OpType.Ok));
        Assert.That(result.Value, Is.EqualTo(new object?[] { new object?[] { "append", 4L, 9L }, new object?[] { "r", 4L, new object?[] { 1L, 9L } } }));
        Assert.That(server.Log, Is.EqualTo(new[] { "p#1: BEGIN REPEATABLE READ", "p#1: append @key=4 @element=9", "p#1: lread @key=4", "p#1: COMMIT" }));
    }

    [Test]
    public async Task ARefusalBeforeCommitIsFailRolledBackOnTheSameConnection()
    {
        var (result, server) = await RunAsync((_, sql) => sql.StartsWith("lread", StringComparison.Ordinal)
            ? throw new FakeDbException("could not serialize", refusal: true) : 1);
        Assert.That((result.Type, result.Error), Is.EqualTo((OpType.Fail, "p: fake could not serialize")));
        Assert.That(server.Log[^1], Is.EqualTo("p#1: ROLLBACK"));
    }

    [Test]
    public async Task AConnectionLostBeforeCommitIsFailButDuringCommitIsInfo()
    {
        var (before, _) = await RunAsync((_, sql) => sql.StartsWith("append", StringComparison.Ordinal)
            ? throw new FakeDbException("connection reset", refusal: false) : 1);
        var (during, _) = await RunAsync((_, sql) => sql == "COMMIT"
            ? throw new FakeDbException("connection reset", refusal: false) : 1);
        Assert.That(before.Type, Is.EqualTo(OpType.Fail), "the server rolls back an unfinished transaction");
        Assert.That(during.Type, Is.EqualTo(OpType.Info), "the COMMIT may have been applied");
    }

    [Test]
    public void AnUnknownIsolationIsRefusedWhenTheClientIsBuilt() =>
        Assert.Throws<ArgumentException>(() => SqlClients.ListAppend(new FakeSqlParts(new FakeSqlServer()).Cluster, "snapshot; DROP TABLE lists"));

    [TestCase(3, 2.0)]
    [TestCase(0.3, 0.5)]
    [TestCase(60, 10.0)]
    public async Task TheConnectTimeoutIsDerivedFromTheOperationTimeout(double opTimeout, double connectSeconds)
    {
        var parts = new FakeSqlParts(new FakeSqlServer());
        var context = Context with { Test = new TestSpec { OperationTimeoutSeconds = opTimeout } };
        await using var client = SqlClients.Register(parts.Cluster)(context);
        await client.InvokeAsync(new Op(0, 0, OpType.Invoke, 0, "write", new object?[] { 1L, 1L }), CancellationToken.None);
        Assert.That(parts.Settings.Single().ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(connectSeconds)));
    }
}
