using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Workloads.Postgres;
using Harness.Workloads.Postgres.Routing;
using Harness.Workloads.Postgres.Workloads;
using Npgsql;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>PostgreSQL read routing without a cluster: where each strategy sends a session's reads, and what it
/// does when the WAL position of a write cannot be read.</summary>
public class PostgresReadRoutingTests
{
    private static readonly PostgresEndpoints Endpoints = new(n => "Host=127.0.0.1;Port=1;Username=x", "pg1", ["pg2", "pg3"]);
    private static readonly TestSpec Test = HarnessModules.Registry.Resolve(new TestSpec { Database = "postgres" });

    private static ClientContext Client(int process, string node = "pg1") => new(process, node, Test);

    private static PostgresRouting Routing(string readFrom, int afterWriteMs = 60_000) =>
        new(Endpoints, new ReadRoutingOptions(readFrom, LeaderAfterWriteMs: afterWriteMs, Seed: 7));

    [Test]
    public void PrimaryReadsThePrimaryAndWritesAlwaysGoThere()
    {
        foreach (var strategy in ReadRoutingOptions.Strategies)
            Assert.That(Routing(strategy).WriteNode(Client(1)), Is.EqualTo("pg1"), strategy);
        Assert.That(Enumerable.Range(0, 50).Select(_ => Routing("primary").ReadNode(Client(3))), Is.All.EqualTo("pg1"));
    }

    [Test]
    public void AnyStandbySpreadsOneSessionsReadsOverEveryStandbyButPinnedKeepsOne()
    {
        var any = Routing("followers");
        var anyNodes = Enumerable.Range(0, 100).Select(_ => any.ReadNode(Client(4))).ToHashSet();
        Assert.That(anyNodes, Is.EquivalentTo(new[] { "pg2", "pg3" }));

        var pinned = Routing("pinned");
        Assert.That(Enumerable.Range(0, 100).Select(_ => pinned.ReadNode(Client(4))).Distinct().Count(), Is.EqualTo(1));
        Assert.That(pinned.ReadNode(Client(5, "pg3")), Is.EqualTo("pg3"), "a client on a standby reads its own node");
    }

    [Test]
    public async Task LeaderAfterWriteReadsThePrimaryOnlyWithinTheWindowAfterTheSessionsOwnWrite()
    {
        var routing = Routing("leader-after-write", afterWriteMs: 60_000);
        Assert.That(routing.ReadNode(Client(1)), Is.Not.EqualTo("pg1"), "no write yet: a standby");
        await routing.WrittenAsync(Client(1), new NpgsqlConnection(), "pg1", CancellationToken.None);
        Assert.That(routing.ReadNode(Client(1)), Is.EqualTo("pg1"), "just wrote");
        Assert.That(routing.ReadNode(Client(2)), Is.Not.EqualTo("pg1"), "another session did not write");

        var expired = Routing("leader-after-write", afterWriteMs: 0);
        await expired.WrittenAsync(Client(1), new NpgsqlConnection(), "pg1", CancellationToken.None);
        Assert.That(expired.ReadNode(Client(1)), Is.Not.EqualTo("pg1"), "window of 0 ms has passed");
    }

    [Test]
    public async Task LsnReadsGoToThePrimaryWhenTheWritesWalPositionIsUnknown()
    {
        var routing = Routing("lsn");
        Assert.That(routing.ReadNode(Client(1)), Is.Not.EqualTo("pg1"), "no write yet: a standby, nothing to wait for");
        Assert.That(await routing.BeforeReadAsync(Client(1), new NpgsqlConnection(), "pg2", CancellationToken.None), Is.Null, "no write: read at once");

        await routing.WrittenAsync(Client(1), new NpgsqlConnection(), "pg1", CancellationToken.None); // not open: the position cannot be read
        Assert.That(Enumerable.Range(0, 20).Select(_ => routing.ReadNode(Client(1))), Is.All.EqualTo("pg1"));
        Assert.That(routing.ReadNode(Client(2)), Is.Not.EqualTo("pg1"), "other sessions are unaffected");
    }

    [Test]
    public void ReadOnlyTransactionsGoToStandbysOnlyWhenAsked()
    {
        var standbys = new PostgresRouting(Endpoints, new ReadRoutingOptions("primary", TransactionsFromFollowers: true));
        Assert.That(standbys.TransactionNode(Client(1), readOnly: true), Is.AnyOf("pg2", "pg3"));
        Assert.That(standbys.TransactionNode(Client(1), readOnly: false), Is.EqualTo("pg1"));
        Assert.That(Routing("lsn").TransactionNode(Client(1), readOnly: true), Is.EqualTo("pg1"));
    }

    [Test]
    public void OptionsResolveAndSerializableTransactionsOnStandbysAreRefused()
    {
        Assert.That(Test.DatabaseOptions.Text("read-from"), Is.EqualTo("primary"));
        Assert.That(Test.DatabaseOptions.Integer("heartbeat-ms"), Is.EqualTo(100));
        Assert.Throws<InvalidSpecException>(() => HarnessModules.Registry.Resolve(new TestSpec { Database = "postgres" }.WithDatabaseOption("read-from", "nearest")));
        var e = Assert.Throws<InvalidSpecException>(() => HarnessModules.Registry.Resolve(
            new TestSpec { Database = "postgres", Workload = "list-append" }.WithDatabaseOption("txn-read-from", "followers")));
        Assert.That(e!.Message, Does.Contain("hot standby refuses serializable"));
        Assert.DoesNotThrow(() => HarnessModules.Registry.Resolve(new TestSpec { Database = "postgres", Workload = "list-append" }
            .WithDatabaseOption("txn-read-from", "followers").WithDatabaseOption("isolation", "repeatable-read")));
    }
}
