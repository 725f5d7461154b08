using Harness.Core.Faults;
using Harness.Workloads.MariaDb;
using MySqlConnector;
using NUnit.Framework;

namespace Harness.Integration.Tests.MariaDb;

/// <summary>
/// The asynchronous single-leader cluster (the <c>mariadb</c> module): the primary replicates to read-only replicas by
/// GTID; and the article's failover loss, step by step as the partition-failover nemesis does it: writes the cut-off
/// primary acknowledged never reach the promoted replica, and stay on the old primary alone after it rejoins.
/// The tests run in order on one cluster (the second leaves mdb2 or mdb3 as the primary).
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class ReplicaSetClusterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private ReplicaSetCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new ReplicaSetCluster(new MariaDbClusterOptions(Nodes: 3, RunId: "it-mrs-" + Guid.NewGuid().ToString("N")[..8]),
            new ReplicaSetOptions("async"), new Progress<string>(line => TestContext.Progress.WriteLine(line)))
        { HealthTimeout = TimeSpan.FromSeconds(240) };
        await cluster.SetupAsync(CancellationToken.None);
        TestContext.Progress.WriteLine($"mariadb replica set healthy in {cluster.TimeToHealthy?.TotalSeconds:0.0} s");
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), "CREATE TABLE kv (k INT PRIMARY KEY, v INT)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    private static string Count(int from, int to) => $"SELECT COUNT(*) FROM kv WHERE k BETWEEN {from} AND {to}";

    [Test, Order(1)]
    public async Task TheHealthyPrimaryReplicatesToReadOnlyReplicas()
    {
        Assert.That(cluster.Primary, Is.EqualTo("mdb1"));
        Assert.That(await cluster.PrimaryAsync(CancellationToken.None), Is.EqualTo("mdb1"));
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), "INSERT INTO kv VALUES (1, 11), (2, 22)");
        foreach (var replica in new[] { "mdb2", "mdb3" })
        {
            Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString(replica), Count(1, 2), 2L, Wait), Is.EqualTo(2L), replica);
            var refused = Assert.ThrowsAsync<MySqlException>(() => MariaDbTestSql.ExecuteAsync(cluster.ConnectionString(replica), "INSERT INTO kv VALUES (3, 33)"));
            Assert.That(refused!.Number, Is.EqualTo(1290), $"{replica} is read-only");
        }
        Assert.That(await cluster.HealthProblemAsync(CancellationToken.None), Is.Null);
        var lag = await cluster.SampleLagAsync(0, CancellationToken.None);
        Assert.That(lag.Single(s => s.Node == "mdb1").State, Does.StartWith("primary, binlog 0-1-"));
        Assert.That(lag.Where(s => s.Node != "mdb1").Select(s => s.State), Has.All.Contains("io Yes, sql Yes, received 0-1-"));
    }

    [Test, Order(2)]
    public async Task WritesAcknowledgedByACutOffPrimaryAreMissingAfterFailoverAndStayOnTheRejoinedOldPrimary()
    {
        const int Acknowledged = 20;
        await cluster.ApplyGrudgeAsync(Grudge.Isolate(cluster.Nodes, "mdb1"), CancellationToken.None);
        string failover;
        try
        {
            for (var k = 100; k < 100 + Acknowledged; k++)
                Assert.That(await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), $"INSERT INTO kv VALUES ({k}, {k})"), Is.EqualTo(1));
            failover = await cluster.FailoverAsync(null, CancellationToken.None);
        }
        finally
        {
            await cluster.HealNetworkAsync(CancellationToken.None);
        }
        TestContext.Progress.WriteLine(failover);
        var promoted = cluster.Primary;
        Assert.That(promoted, Is.AnyOf("mdb2", "mdb3"), "a replica was promoted");
        Assert.That(failover, Does.Contain($"promoted {promoted}"));
        Assert.That(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString(promoted), Count(100, 199)), Is.EqualTo(0L),
            "the new primary never received what the cut-off primary acknowledged");
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString(promoted), "INSERT INTO kv VALUES (500, 5)");

        var rejoin = await cluster.RejoinAsync(CancellationToken.None);
        TestContext.Progress.WriteLine(rejoin);
        var record = cluster.Rejoins.Single();
        Assert.That((record.Node, record.NewPrimary, record.Diverged, record.TransactionsAhead), Is.EqualTo(("mdb1", promoted, true, (long)Acknowledged)));
        await cluster.WaitHealthyAsync(Wait, CancellationToken.None);
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mdb1"), "SELECT v FROM kv WHERE k = 500", 5, Wait), Is.EqualTo(5),
            "the old primary replicates from the new one");
        Assert.That(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mdb1"), Count(100, 199)), Is.EqualTo((long)Acknowledged),
            "the lost writes are still on the old primary alone: it has diverged");
        Assert.That(Convert.ToInt64(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mdb1"), "SELECT @@read_only"), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(1L), "the old primary is a read-only replica now");
    }
}
