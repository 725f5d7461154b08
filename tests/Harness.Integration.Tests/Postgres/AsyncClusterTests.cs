using Harness.Core.Faults;
using Harness.Docker;
using Harness.Workloads.Postgres;
using NUnit.Framework;

namespace Harness.Integration.Tests.Postgres;

/// <summary>One asynchronous 3-node cluster shared by the tests; every test leaves it healthy again.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class AsyncClusterTests
{
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(60);
    private readonly string runId = "it-async-" + Guid.NewGuid().ToString("N")[..8];
    private PostgresCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new PostgresCluster(new PostgresClusterOptions(Nodes: 3, Replication: "async", RunId: runId),
            new Progress<string>(line => TestContext.Progress.WriteLine(line)));
        await cluster.SetupAsync(CancellationToken.None);
        await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "create table kv (k int primary key, v int)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster()
    {
        await cluster.DisposeAsync();
        var left = await DockerCli.Default.RunCheckedAsync(["ps", "-aq", "--filter", $"label={HarnessLabels.Run(runId)}"], TimeSpan.FromSeconds(30), CancellationToken.None);
        var networks = await DockerCli.Default.RunCheckedAsync(["network", "ls", "-q", "--filter", $"label={HarnessLabels.Run(runId)}"], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.That(left.Trim() + networks.Trim(), Is.Empty, "teardown left labelled containers or networks");
    }

    private static string Select(int k) => $"select v from kv where k = {k}";

    [Test]
    public async Task PrimaryIsPg1AndStandbysAreInRecovery()
    {
        Assert.That(await cluster.PrimaryAsync(CancellationToken.None), Is.EqualTo("pg1"));
        foreach (var standby in cluster.Standbys)
            Assert.That(await PgTestSql.ScalarAsync(cluster.ConnectionString(standby), "select pg_is_in_recovery()"), Is.True);
        Assert.That(await PgTestSql.ScalarAsync(cluster.ConnectionString("pg1"), "show synchronous_standby_names"), Is.EqualTo(""));
    }

    [Test]
    public async Task AWriteOnThePrimaryReachesEveryStandby()
    {
        await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "insert into kv values (1, 11)");
        foreach (var standby in cluster.Standbys)
            Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString(standby), Select(1), 11, TimeSpan.FromSeconds(10)), Is.EqualTo(11), standby);
    }

    [Test]
    public async Task AnIsolatedStandbyMissesWritesUntilHealed()
    {
        await cluster.ApplyGrudgeAsync(Grudge.Isolate(cluster.Nodes, "pg3"), CancellationToken.None);
        try
        {
            await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "insert into kv values (2, 22)");
            Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString("pg2"), Select(2), 22, TimeSpan.FromSeconds(10)), Is.EqualTo(22));
            Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString("pg3"), Select(2), 22, TimeSpan.FromSeconds(3)), Is.Null,
                "the isolated standby saw a write made during the partition");
        }
        finally
        {
            await cluster.HealNetworkAsync(CancellationToken.None);
        }
        Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString("pg3"), Select(2), 22, TimeSpan.FromSeconds(60)), Is.EqualTo(22));
        await cluster.WaitHealthyAsync(Healthy, CancellationToken.None);
    }

    [Test]
    public async Task AKilledStandbyComesBackStreaming()
    {
        await cluster.KillAsync("pg2", CancellationToken.None);
        Assert.That(await cluster.Containers.IsRunningAsync("pg2", CancellationToken.None), Is.False);
        await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "insert into kv values (3, 33)");
        await cluster.StartAsync("pg2", CancellationToken.None);
        await cluster.WaitHealthyAsync(Healthy, CancellationToken.None);
        Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString("pg2"), Select(3), 33, TimeSpan.FromSeconds(10)), Is.EqualTo(33));
    }

    [Test]
    public async Task LagSamplesCoverEveryStandby()
    {
        await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "insert into kv values (4, 44)");
        await PgTestSql.EventuallyAsync(cluster.ConnectionString("pg3"), Select(4), 44, TimeSpan.FromSeconds(10));
        var samples = await cluster.SampleLagAsync(123, CancellationToken.None);
        Assert.That(samples.Select(s => s.Node), Is.EqualTo(new[] { "pg2", "pg3" }));
        Assert.That(samples, Has.All.Matches<Harness.Core.Databases.LagSample>(s =>
            s.Time == 123 && s.State == "streaming" && s.LsnBehindBytes >= 0 && s.ReplayAgeMs >= 0));
    }

    [Test]
    public async Task APausedStandbyIsReportedUnreachableAndKeepsNoPartitionRules()
    {
        await cluster.PauseAsync("pg3", CancellationToken.None);
        try
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var samples = await cluster.SampleLagAsync(1, guard.Token);
            Assert.That(samples.Single(s => s.Node == "pg3").State, Is.EqualTo("unreachable"));
            Assert.That(samples.Single(s => s.Node == "pg2").State, Is.EqualTo("streaming"));
            // Neither applying nor healing a grudge may fail because pg3 cannot be exec'd into.
            await cluster.ApplyGrudgeAsync(Grudge.Isolate(cluster.Nodes, "pg1"), guard.Token);
            await cluster.HealNetworkAsync(guard.Token);
        }
        finally
        {
            await cluster.ResumeAsync("pg3", CancellationToken.None);
        }
        var rules = await cluster.Containers.ExecAsync("pg3", ["iptables", "-S"], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.That(rules.Stdout, Does.Not.Contain("DROP"));
        await cluster.WaitHealthyAsync(Healthy, CancellationToken.None);
    }

    [Test]
    public async Task LogsAreCollectedPerNode()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harness-logs-" + runId);
        try
        {
            await cluster.CollectLogsAsync(dir, CancellationToken.None);
            Assert.That(File.ReadAllText(Path.Combine(dir, "pg1.log")), Does.Contain("database system is ready to accept connections"));
            Assert.That(File.ReadAllText(Path.Combine(dir, "pg2.log")), Does.Contain("started streaming WAL"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
