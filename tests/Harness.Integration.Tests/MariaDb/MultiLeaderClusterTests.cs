using Harness.Core.Faults;
using Harness.Workloads.MariaDb;
using NUnit.Framework;

namespace Harness.Integration.Tests.MariaDb;

/// <summary>
/// The asynchronous two-leader pair: replication in both directions, and the article's conflict: one row updated on
/// both sides during a partition ends with each node holding the other's value, for good, with replication healthy.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class MultiLeaderClusterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private MultiLeaderCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new MultiLeaderCluster(new MariaDbClusterOptions(Nodes: 2, RunId: "it-mm-" + Guid.NewGuid().ToString("N")[..8]),
            new Progress<string>(line => TestContext.Progress.WriteLine(line)));
        await cluster.SetupAsync(CancellationToken.None);
        TestContext.Progress.WriteLine($"multi-leader healthy in {cluster.TimeToHealthy?.TotalSeconds:0.0} s");
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "CREATE TABLE kv (k INT PRIMARY KEY, v INT)");
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mm2"),
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'kv'", 1L, Wait), Is.EqualTo(1L));
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    private static string Select(int k) => $"SELECT v FROM kv WHERE k = {k}";

    [Test]
    public async Task EachLeaderReplicatesToTheOtherWithSeparateAutoIncrementOffsets()
    {
        Assert.That(cluster.PeerOf("mm1"), Is.EqualTo("mm2"));
        Assert.That(await cluster.PrimaryAsync(CancellationToken.None), Is.EqualTo("mm1"), "the first writable node");
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "INSERT INTO kv VALUES (1, 11)");
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm2"), "INSERT INTO kv VALUES (2, 22)");
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mm2"), Select(1), 11, Wait), Is.EqualTo(11));
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mm1"), Select(2), 22, Wait), Is.EqualTo(22));
        Assert.That(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm1"), "SELECT @@auto_increment_offset"), Is.EqualTo(1UL));
        Assert.That(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm2"), "SELECT @@auto_increment_offset"), Is.EqualTo(2UL));
        Assert.That(await cluster.HealthProblemAsync(CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task TheSameRowUpdatedOnBothSidesDuringAPartitionStaysDivergedAfterHealing()
    {
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "INSERT INTO kv VALUES (10, 0)");
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mm2"), Select(10), 0, Wait), Is.EqualTo(0));
        await cluster.ApplyGrudgeAsync(Grudge.Isolate(cluster.Nodes, "mm1"), CancellationToken.None);
        try
        {
            await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "UPDATE kv SET v = 111 WHERE k = 10");
            await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm2"), "UPDATE kv SET v = 222 WHERE k = 10");
        }
        finally
        {
            await cluster.HealNetworkAsync(CancellationToken.None);
        }
        await cluster.WaitHealthyAsync(Wait, CancellationToken.None);
        Assert.That(await CaughtUpAsync(), Is.True, "both nodes applied each other's transactions");
        var mm1 = await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm1"), Select(10));
        var mm2 = await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm2"), Select(10));
        Assert.That((mm1, mm2), Is.EqualTo((222, 111)), "each leader ends with the other's write: permanent divergence");
        Assert.That(await cluster.HealthProblemAsync(CancellationToken.None), Is.Null, "replication reports no error");
    }

    /// <summary>True once both nodes have applied the same GTIDs in every domain (nothing left in flight).</summary>
    private async Task<bool> CaughtUpAsync()
    {
        var until = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < until)
        {
            var a = await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm1"), "SELECT @@gtid_current_pos");
            var b = await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm2"), "SELECT @@gtid_current_pos");
            if (Equals(a, b)) return true;
            await Task.Delay(200);
        }
        return false;
    }
}
