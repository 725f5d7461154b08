using Harness.Integration.Tests.MariaDb;
using Harness.Workloads.MariaDb;
using MySqlConnector;
using NUnit.Framework;

namespace Harness.Integration.Tests.Faults;

/// <summary>Disk full on the MariaDB multi-leader pair whose data directories are 200 MiB tmpfs copies of the image's
/// initialised data directory: with the filler in place on mm1 a write that needs new space fails there with
/// MariaDB's out-of-space error (table full / error 28 from the storage engine); once the filler is deleted mm1
/// takes writes again and they replicate to mm2.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class MariaDbDiskFullTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private MultiLeaderCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new MultiLeaderCluster(new MariaDbClusterOptions(Nodes: 2, RunId: "it-mmdisk-" + Guid.NewGuid().ToString("N")[..8]) { DataTmpfsMegabytes = 200 },
            new Progress<string>(line => TestContext.Progress.WriteLine(line))) { HealthTimeout = TimeSpan.FromSeconds(240) };
        await cluster.SetupAsync(CancellationToken.None);
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "CREATE TABLE blob (id INT AUTO_INCREMENT PRIMARY KEY, payload LONGTEXT)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    [Test]
    public async Task WritesFailWithOutOfSpaceUntilTheFillerIsDeleted()
    {
        TestContext.Progress.WriteLine(await cluster.FillDiskAsync("mm1", CancellationToken.None));
        MySqlException? error = null;
        try
        {
            // Incompressible rows, about 40 MiB in all: more than the redo log, binlog and tablespace have left.
            for (var i = 0; i < 40; i++)
                await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"),
                    "INSERT INTO blob (payload) SELECT GROUP_CONCAT(MD5(RAND()) SEPARATOR '') FROM seq_1_to_65536");
        }
        catch (MySqlException e)
        {
            error = e;
        }
        TestContext.Progress.WriteLine($"write on a full disk: {error?.ErrorCode} {error?.Message}");
        await cluster.FreeDiskAsync(CancellationToken.None);
        Assert.That(error, Is.Not.Null, "the write should fail");
        Assert.That(error!.Message, Does.Contain("full").Or.Contain("error 28").Or.Contain("No space left").Or.Contain("Disk"));
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "INSERT INTO blob (payload) VALUES ('after')");
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mm2"),
            "SELECT COUNT(*) FROM blob WHERE payload = 'after'", 1L, Wait), Is.EqualTo(1L), "mm1 writes and replicates again");
    }
}
