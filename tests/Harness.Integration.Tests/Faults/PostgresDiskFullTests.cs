using Harness.Integration.Tests.Postgres;
using Harness.Workloads.Postgres;
using Npgsql;
using NUnit.Framework;

namespace Harness.Integration.Tests.Faults;

/// <summary>Disk full on a single PostgreSQL node whose data directory is a 160 MiB tmpfs: with the filler in place a
/// write that needs new space fails with PostgreSQL's out-of-space error; once the filler is deleted writes work again.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class PostgresDiskFullTests
{
    private readonly string runId = "it-diskfull-" + Guid.NewGuid().ToString("N")[..8];
    private PostgresCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new PostgresCluster(new PostgresClusterOptions(Nodes: 1, Replication: "async", RunId: runId) { DataTmpfsMegabytes = 160 },
            new Progress<string>(line => TestContext.Progress.WriteLine(line))) { HealthTimeout = TimeSpan.FromSeconds(240) };
        await cluster.SetupAsync(CancellationToken.None);
        await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "create table blob (id serial primary key, payload text)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    [Test]
    public async Task WritesFailWithOutOfSpaceUntilTheFillerIsDeleted()
    {
        var filled = await cluster.FillDiskAsync("pg1", CancellationToken.None);
        TestContext.Progress.WriteLine(filled);
        PostgresException? error = null;
        try
        {
            // Incompressible rows, so TOAST cannot shrink them: about 20 MiB, more than the WAL and heap have left.
            await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"),
                "insert into blob (payload) select string_agg(md5(random()::text), '') from generate_series(1, 20000) g, generate_series(1, 64) r group by g");
        }
        catch (PostgresException e)
        {
            error = e;
        }
        catch (NpgsqlException e)
        {
            TestContext.Progress.WriteLine("the connection broke instead: " + e.Message);
        }
        TestContext.Progress.WriteLine($"write on a full disk: {error?.SqlState} {error?.MessageText}");
        await cluster.FreeDiskAsync(CancellationToken.None);
        Assert.That(error, Is.Not.Null, "the write should fail");
        Assert.That(error!.SqlState is "53100" || error.MessageText.Contains("No space left on device", StringComparison.Ordinal), Is.True);
        await PgTestSql.EventuallyAsync(cluster.ConnectionString("pg1"), "select 1", 1, TimeSpan.FromSeconds(60));
        await PgTestSql.ExecuteAsync(cluster.ConnectionString("pg1"), "insert into blob (payload) values ('after')");
        Assert.That(await PgTestSql.ScalarAsync(cluster.ConnectionString("pg1"), "select count(*) from blob where payload = 'after'"), Is.EqualTo(1L));
    }
}
