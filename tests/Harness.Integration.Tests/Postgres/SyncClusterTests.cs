using Harness.Docker;
using Harness.Workloads.Postgres;
using NUnit.Framework;

namespace Harness.Integration.Tests.Postgres;

[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class SyncClusterTests
{
    [TestCase("sync", "FIRST 2 (pg2, pg3)", "sync")]
    [TestCase("semi-sync", "ANY 1 (pg2, pg3)", "quorum")]
    public async Task SynchronousModesCommitThroughTheStandbys(string mode, string names, string syncState)
    {
        var runId = $"it-{mode}-{Guid.NewGuid().ToString("N")[..8]}";
        var cluster = new PostgresCluster(new PostgresClusterOptions(Nodes: 3, Replication: mode, RunId: runId));
        try
        {
            await cluster.SetupAsync(CancellationToken.None);
            var primary = cluster.ConnectionString("pg1");
            Assert.That(await PgTestSql.ScalarAsync(primary, "show synchronous_standby_names"), Is.EqualTo(names));
            Assert.That(await PgTestSql.ScalarAsync(primary, "select string_agg(distinct sync_state, ',') from pg_stat_replication"), Is.EqualTo(syncState));
            await PgTestSql.ExecuteAsync(primary, "create table t (v int); insert into t values (7)");
            foreach (var standby in cluster.Standbys)
                Assert.That(await PgTestSql.EventuallyAsync(cluster.ConnectionString(standby), "select v from t", 7, TimeSpan.FromSeconds(10)), Is.EqualTo(7));
        }
        finally
        {
            await cluster.TeardownAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task TheCleanerRemovesEveryContainerAndNetworkOfARun()
    {
        var runId = "it-clean-" + Guid.NewGuid().ToString("N")[..8];
        var cluster = new ContainerCluster(runId, "probe", ["a", "b"], 5432);
        try
        {
            var image = await ToolsImage.EnsureAsync("debian:bookworm-slim", null, CancellationToken.None);
            await cluster.CreateNetworkAsync(CancellationToken.None);
            foreach (var node in cluster.Nodes)
                await cluster.StartContainerAsync(new ContainerSpec(node, image, new Dictionary<string, string>(), Command: ["sleep", "infinity"]), CancellationToken.None);
            var (containers, networks) = await DockerCleaner.CleanAsync(runId, CancellationToken.None);
            Assert.That((containers, networks), Is.EqualTo((2, 1)));
            var left = await DockerCli.Default.RunCheckedAsync(["ps", "-aq", "--filter", $"label={HarnessLabels.Run(runId)}"], TimeSpan.FromSeconds(30), CancellationToken.None);
            Assert.That(left.Trim(), Is.Empty);
            Assert.That(await DockerCleaner.CleanAsync(runId, CancellationToken.None), Is.EqualTo((0, 0)));
        }
        finally
        {
            await cluster.TeardownAsync(CancellationToken.None);
        }
    }
}
