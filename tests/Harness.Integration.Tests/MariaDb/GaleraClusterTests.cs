using Harness.Core.Faults;
using Harness.Docker;
using Harness.Workloads.MariaDb;
using NUnit.Framework;

namespace Harness.Integration.Tests.MariaDb;

/// <summary>One 3-node Galera cluster shared by the tests; every test leaves it healthy again.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class GaleraClusterTests
{
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(90);
    private readonly string runId = "it-galera-" + Guid.NewGuid().ToString("N")[..8];
    private GaleraCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new GaleraCluster(new MariaDbClusterOptions(Nodes: 3, RunId: runId),
            new Progress<string>(line => TestContext.Progress.WriteLine(line)));
        await cluster.SetupAsync(CancellationToken.None);
        TestContext.Progress.WriteLine($"galera healthy in {cluster.TimeToHealthy?.TotalSeconds:0.0} s");
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("gal1"), "CREATE TABLE kv (k INT PRIMARY KEY, v INT)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster()
    {
        await cluster.DisposeAsync();
        var left = await DockerCli.Default.RunCheckedAsync(["ps", "-aq", "--filter", $"label={HarnessLabels.Run(runId)}"], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.That(left.Trim(), Is.Empty, "teardown left labelled containers");
    }

    private static string Select(int k) => $"SELECT v FROM kv WHERE k = {k}";

    [Test]
    public async Task EveryNodeIsAPrimarySyncedMemberAndWritesAnywhereReachEveryNode()
    {
        Assert.That(await cluster.HealthProblemAsync(CancellationToken.None), Is.Null);
        Assert.That(await cluster.PrimaryAsync(CancellationToken.None), Is.EqualTo("gal1"), "the first writable node");
        Assert.That(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("gal2"), "SELECT @@wsrep_cluster_address"), Does.StartWith("gcomm://"));
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("gal1"), "INSERT INTO kv VALUES (1, 11)");
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("gal3"), "INSERT INTO kv VALUES (2, 22)");
        foreach (var node in cluster.Nodes)
        {
            Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString(node), Select(1), 11, TimeSpan.FromSeconds(10)), Is.EqualTo(11), node);
            Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString(node), Select(2), 22, TimeSpan.FromSeconds(10)), Is.EqualTo(22), node);
        }
    }

    [Test]
    public async Task APartitionedNodeRefusesReadsAndWritesThenRejoinsWithTheMajoritysWrites()
    {
        await cluster.ApplyGrudgeAsync(Grudge.Isolate(cluster.Nodes, "gal3"), CancellationToken.None);
        try
        {
            var gal3 = cluster.ConnectionString("gal3");
            Assert.That(await MariaDbTestSql.EventuallyFailsWithAsync(gal3, Select(1), 1047, TimeSpan.FromSeconds(30)), Is.EqualTo(1047),
                "a read on the minority node is refused: WSREP has not yet prepared node");
            Assert.That(await MariaDbTestSql.EventuallyFailsWithAsync(gal3, "INSERT INTO kv VALUES (30, 1)", 1047, TimeSpan.FromSeconds(5)), Is.EqualTo(1047),
                "a write on the minority node is refused");
            await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("gal1"), "INSERT INTO kv VALUES (3, 33)");
            Assert.That(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("gal2"), "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'") , Is.Not.Null);
        }
        finally
        {
            await cluster.HealNetworkAsync(CancellationToken.None);
        }
        await cluster.WaitHealthyAsync(Healthy, CancellationToken.None);
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("gal3"), Select(3), 33, TimeSpan.FromSeconds(10)), Is.EqualTo(33));
        Assert.That(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("gal3"), "SELECT COUNT(*) FROM kv WHERE k = 30"), Is.EqualTo(0L),
            "the refused write never happened");
    }

    [Test]
    public async Task TheBootstrapNodeKilledAndRestartedRejoinsInsteadOfFormingANewCluster()
    {
        await cluster.KillAsync("gal1", CancellationToken.None);
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("gal2"), "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'wsrep_cluster_size'", "2", TimeSpan.FromSeconds(30)), Is.EqualTo("2"));
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("gal2"), "INSERT INTO kv VALUES (4, 44)");
        await cluster.StartAsync("gal1", CancellationToken.None);
        await cluster.WaitHealthyAsync(Healthy, CancellationToken.None); // a second, one-node cluster would never reach size 3
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("gal1"), Select(4), 44, TimeSpan.FromSeconds(10)), Is.EqualTo(44));
    }
}
