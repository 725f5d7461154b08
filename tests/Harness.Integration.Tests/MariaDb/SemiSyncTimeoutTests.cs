using System.Diagnostics;
using Harness.Workloads.MariaDb;
using NUnit.Framework;

namespace Harness.Integration.Tests.MariaDb;

/// <summary>
/// Semi-synchronous MariaDB is not synchronous: with both replicas down, a commit on the primary waits for an
/// acknowledgement until <c>rpl_semi_sync_master_timeout</c> (3 s here), then commits anyway and the primary falls back
/// to asynchronous replication (<c>Rpl_semi_sync_master_status</c> OFF, the commit counted in <c>_no_tx</c>); with the
/// replicas back it returns to semi-sync. The lower bound on the stall is the mechanism itself, not a speed.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class SemiSyncTimeoutTests
{
    private const int TimeoutMs = 3000;
    private ReplicaSetCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new ReplicaSetCluster(new MariaDbClusterOptions(Nodes: 3, RunId: "it-mss-" + Guid.NewGuid().ToString("N")[..8]),
            new ReplicaSetOptions("semi-sync", TimeoutMs), new Progress<string>(line => TestContext.Progress.WriteLine(line)))
        { HealthTimeout = TimeSpan.FromSeconds(240) };
        await cluster.SetupAsync(CancellationToken.None);
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), "CREATE TABLE kv (k INT PRIMARY KEY, v INT)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    [Test]
    public async Task WithBothReplicasDownACommitWaitsForTheTimeoutThenCommitsAsynchronously()
    {
        var before = await cluster.SemiSyncStatusAsync(CancellationToken.None);
        Assert.That(before, Is.Not.Null);
        Assert.That((before!.On, before.Clients), Is.EqualTo((true, 2L)), "semi-sync on, both replicas connected as semi-sync clients");
        Assert.That(before.AcknowledgedCommits, Is.GreaterThan(0), "the setup's commits were acknowledged by a replica");

        await Task.WhenAll(cluster.KillAsync("mdb2", CancellationToken.None), cluster.KillAsync("mdb3", CancellationToken.None));
        var clock = Stopwatch.StartNew();
        Assert.That(await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), "INSERT INTO kv VALUES (1, 1)"), Is.EqualTo(1), "the commit succeeds");
        var stalled = clock.Elapsed;
        TestContext.Progress.WriteLine($"commit with both replicas down took {stalled.TotalMilliseconds:0} ms (timeout {TimeoutMs} ms)");
        Assert.That(stalled, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(TimeoutMs * 0.95)), "it waited for an acknowledgement for the timeout");

        var after = await cluster.SemiSyncStatusAsync(CancellationToken.None);
        Assert.That(after!.On, Is.False, "the primary fell back to asynchronous replication");
        Assert.That(after.UnacknowledgedCommits, Is.GreaterThan(before.UnacknowledgedCommits), "the commit is counted as not acknowledged");
        clock.Restart();
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), "INSERT INTO kv VALUES (2, 2)");
        TestContext.Progress.WriteLine($"next commit, already asynchronous: {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.That((await cluster.SemiSyncStatusAsync(CancellationToken.None))!.UnacknowledgedCommits, Is.GreaterThan(after.UnacknowledgedCommits));

        await Task.WhenAll(cluster.StartAsync("mdb2", CancellationToken.None), cluster.StartAsync("mdb3", CancellationToken.None));
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(120), CancellationToken.None);
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mdb2"), "SELECT COUNT(*) FROM kv", 2L, TimeSpan.FromSeconds(60)), Is.EqualTo(2L));
        var on = false;
        for (var k = 3; k < 60 && !on; k++)
        {
            await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), $"INSERT INTO kv VALUES ({k}, {k})");
            on = (await cluster.SemiSyncStatusAsync(CancellationToken.None))!.On;
            if (!on) await Task.Delay(500);
        }
        Assert.That(on, Is.True, "semi-sync is back once a replica caught up");
    }
}
