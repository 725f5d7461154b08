using System.Data;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Core.Tests.Workloads.Fakes;
using Harness.Workloads.Sql;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The shared SQL client layer on a scripted fake connection (no Docker): where each operation goes, which
/// failures are retried, what a failed compare-and-set or a refused transaction records, and the connect deadline.</summary>
public class SqlClientTests
{
    private static readonly TestSpec Test = new() { OperationTimeoutSeconds = 3 };
    private static readonly ClientContext Process3OnN3 = new(3, "n3", Test);

    private static Op Invoke(string f, object? value) => new(0, 0, OpType.Invoke, 3, f, value);

    private static object?[] Kv(long key, object? value) => [key, value];

    [Test]
    public async Task WritesGoToTheWriteNodeRegisterReadsToTheReadNodeAndSetReadsToTheOwnNode()
    {
        var server = new FakeSqlServer { Answer = (_, sql) => sql.StartsWith("set", StringComparison.Ordinal) ? Table(7L) : 1 };
        var parts = new FakeSqlParts(server);
        await using (var register = SqlClients.Register(parts.Cluster)(Process3OnN3))
        {
            Assert.That((await register.InvokeAsync(Invoke("write", Kv(1, 5L)), CancellationToken.None)).Node, Is.EqualTo("p"));
            Assert.That((await register.InvokeAsync(Invoke("cas", Kv(1, new object?[] { 5L, 6L })), CancellationToken.None)).Type, Is.EqualTo(OpType.Ok));
            Assert.That((await register.InvokeAsync(Invoke("read", Kv(1, null)), CancellationToken.None)).Node, Is.EqualTo("s"));
        }
        await using (var set = SqlClients.Set(parts.Cluster)(Process3OnN3))
        {
            await set.InvokeAsync(Invoke("add", 7L), CancellationToken.None);
            var read = await set.InvokeAsync(Invoke("read", null), CancellationToken.None);
            Assert.That(read.Value, Is.EqualTo(new object?[] { 7L }));
        }
        Assert.That(server.Log, Is.EqualTo(new[]
        {
            "p#1: write @key=1 @value=5", "p#1: cas @key=1 @old=5 @new=6", "s#2: read @key=1", "p#3: add @element=7", "n3#4: set",
        }));
    }

    [Test]
    public async Task AReadOnAConnectionThatDiedIdleIsRetriedOnceOnAFreshOneButAWriteIsNot()
    {
        var server = new FakeSqlServer();
        var parts = new FakeSqlParts(server);
        await using var client = SqlClients.Register(parts.Cluster)(Process3OnN3);
        await client.InvokeAsync(Invoke("read", Kv(1, null)), CancellationToken.None);
        await client.InvokeAsync(Invoke("write", Kv(1, 2L)), CancellationToken.None);
        // Both nodes restart: every connection opened so far is dead.
        var restartedAt = server.Opened;
        server.Answer = (c, _) => c.Id <= restartedAt ? throw new FakeDbException("connection reset", refusal: false) : 1;

        var read = await client.InvokeAsync(Invoke("read", Kv(1, null)), CancellationToken.None);
        var write = await client.InvokeAsync(Invoke("write", Kv(1, 3L)), CancellationToken.None);

        Assert.That(read.Type, Is.EqualTo(OpType.Ok), "retried on a fresh connection");
        Assert.That(write.Type, Is.EqualTo(OpType.Info), "a write that may have happened is never retried");
        Assert.That(write.Error, Is.EqualTo("p: fake connection reset"));
        Assert.That(server.Log.Count(l => l.StartsWith("s#", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(server.Log.Count(l => l.StartsWith("p#", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task AReadThatFailsOnAFreshConnectionIsNotRetried()
    {
        var server = new FakeSqlServer { Answer = (_, _) => throw new FakeDbException("boom", refusal: false) };
        await using var client = SqlClients.Register(new FakeSqlParts(server).Cluster)(Process3OnN3);
        var read = await client.InvokeAsync(Invoke("read", Kv(1, null)), CancellationToken.None);
        Assert.That((read.Type, server.Log.Count), Is.EqualTo((OpType.Fail, 1)));
    }

    [Test]
    public async Task ACasWhoseComparisonFailsIsFailAndKeepsTheConnection()
    {
        var server = new FakeSqlServer { Answer = (_, sql) => sql.StartsWith("cas", StringComparison.Ordinal) ? 0 : 1 };
        await using var client = SqlClients.Register(new FakeSqlParts(server).Cluster)(Process3OnN3);
        var cas = await client.InvokeAsync(Invoke("cas", Kv(1, new object?[] { 5L, 6L })), CancellationToken.None);
        await client.InvokeAsync(Invoke("write", Kv(1, 2L)), CancellationToken.None);
        Assert.That((cas.Type, cas.Error), Is.EqualTo((OpType.Fail, "p: cas: value was not 5")));
        Assert.That(server.Opened, Is.EqualTo(1));
    }

    [Test]
    public async Task ARefusedConnectionIsAFailNamedAsAConnectError()
    {
        var server = new FakeSqlServer();
        server.Down.Add("p");
        await using var client = SqlClients.Register(new FakeSqlParts(server).Cluster)(Process3OnN3);
        var write = await client.InvokeAsync(Invoke("write", Kv(1, 2L)), CancellationToken.None);
        Assert.That((write.Type, write.Error), Is.EqualTo((OpType.Fail, "connect p: fake connect failed")));
    }

    private static DataTable Table(params long[] values)
    {
        var table = new DataTable();
        table.Columns.Add("element", typeof(long));
        foreach (var v in values) table.Rows.Add(v);
        return table;
    }
}
