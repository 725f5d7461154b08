using System.Diagnostics;
using Harness.Docker;
using Harness.Workloads.Postgres;
using NUnit.Framework;

namespace Harness.Integration.Tests.Postgres;

/// <summary>Failover at the cluster level: kill the primary, promote a standby, re-point the other, and rejoin the old
/// primary with pg_rewind; and nfqdelay slowing replication into one standby.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class FailoverClusterTests
{
    private readonly string runId = "it-failover-" + Guid.NewGuid().ToString("N")[..8];
    private PostgresCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new PostgresCluster(new PostgresClusterOptions(Nodes: 3, Replication: "sync", RunId: runId),
            new Progress<string>(line => TestContext.Progress.WriteLine(line)));
        await cluster.SetupAsync(CancellationToken.None);
        await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "create table kv (k int primary key, v int)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster()
    {
        var logs = Directory.CreateTempSubdirectory("harness-it-failover-logs-").FullName;
        await cluster.CollectLogsAsync(logs, CancellationToken.None);
        TestContext.Progress.WriteLine($"node logs: {logs}");
        await cluster.DisposeAsync();
    }

    private static string Select(int k) => $"select v from kv where k = {k}";

    [Test]
    [Order(1)]
    public async Task FailoverPromotesAStandbyAndTheOldPrimaryRejoins()
    {
        await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "insert into kv values (1, 10)");
        var clock = Stopwatch.StartNew();
        var what = await cluster.FailoverAsync(null, CancellationToken.None);
        TestContext.Progress.WriteLine($"failover: {what} (call took {clock.Elapsed.TotalSeconds:0.00} s)");

        var promoted = cluster.Primary;
        var other = cluster.Nodes.Single(n => n != "pg1" && n != promoted);
        Assert.That(promoted, Is.Not.EqualTo("pg1"));
        Assert.That(cluster.Fenced, Is.EqualTo(new[] { "pg1" }));
        Assert.That(await cluster.PrimaryAsync(CancellationToken.None), Is.EqualTo(promoted));
        Assert.That(await PgTestSql.ScalarAsync(cluster.ConnectionString(promoted), Select(1)), Is.EqualTo(10), "a synchronous commit survives failover");
        await PgTestSql.ExecuteAsync(cluster.ConnectionString(promoted), "insert into kv values (2, 20)");
        Assert.That(await PgTestSql.ScalarAsync(cluster.ConnectionString(promoted), "show synchronous_standby_names"), Is.EqualTo($"FIRST 1 ({other})"));
        Assert.That(await PgTestSql.ScalarAsync(cluster.ConnectionString(promoted),
            $"select count(*) from pg_stat_replication where application_name = '{other}' and state = 'streaming'"), Is.EqualTo(1L), $"{other} streams from {promoted}");
        Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString(other), Select(2), 20, TimeSpan.FromSeconds(10)), Is.EqualTo(20));

        clock.Restart();
        what = await cluster.RejoinAsync(CancellationToken.None);
        TestContext.Progress.WriteLine($"rejoin: {what} (call took {clock.Elapsed.TotalSeconds:0.00} s)");
        Assert.That(cluster.Fenced, Is.Empty);
        Assert.That(await PgTestSql.ScalarAsync(cluster.ConnectionString("pg1"), "select pg_is_in_recovery()"), Is.True, "pg1 is a standby now");
        Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString("pg1"), Select(2), 20, TimeSpan.FromSeconds(10)), Is.EqualTo(20));
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        var names = await PgTestSql.ScalarAsync(cluster.ConnectionString(promoted), "show synchronous_standby_names") as string;
        Assert.That(names, Does.StartWith("FIRST 2 (").And.Contain("pg1").And.Contain(other), "the configured synchronous set is restored");
        await PgTestSql.ExecuteAsync(cluster.ConnectionString(promoted), "insert into kv values (3, 30)");
    }

    [Test]
    [Order(2)]
    public async Task ASecondFailoverToANamedTargetAlsoWorks()
    {
        var before = cluster.Primary;
        var target = cluster.Standbys[0];
        var what = await cluster.FailoverAsync(target, CancellationToken.None);
        TestContext.Progress.WriteLine($"failover: {what}");
        Assert.That(cluster.Primary, Is.EqualTo(target));
        await PgTestSql.ExecuteAsync(cluster.ConnectionString(target), "insert into kv values (4, 40)");
        what = await cluster.RejoinAsync(CancellationToken.None);
        TestContext.Progress.WriteLine($"rejoin: {what}");
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString(before), Select(4), 40, TimeSpan.FromSeconds(10)), Is.EqualTo(40));
    }
}
