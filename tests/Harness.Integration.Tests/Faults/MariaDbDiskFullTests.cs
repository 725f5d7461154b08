using Harness.Integration.Tests.MariaDb;
using Harness.Workloads.MariaDb;
using MySqlConnector;
using NUnit.Framework;

namespace Harness.Integration.Tests.Faults;

/// <summary>Disk full on the MariaDB multi-leader pair whose data directories are 200 MiB tmpfs copies of the image's
/// initialised data directory: with the filler in place on mm1 a write that needs new space fails there, either with
/// MariaDB's out-of-space error (table full), after which freeing the filler lets mm1 write and replicate again, or
/// by the server aborting when the statement's rollback also runs out of space (InnoDB's "[FATAL] ... Out of disk
/// space" in rollback, seen with a multi-row INSERT ... SELECT on MariaDB 10.11.18).</summary>
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
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "CREATE TABLE fillrows (id INT AUTO_INCREMENT PRIMARY KEY, payload LONGTEXT)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    [Test]
    public async Task WritesFailWithOutOfSpaceOrTheServerAbortsOnIt()
    {
        TestContext.Progress.WriteLine(await cluster.FillDiskAsync("mm1", CancellationToken.None));
        MySqlException? error = null;
        var written = 0;
        try
        {
            // One 64 KiB row per statement (InnoDB does not compress it), up to 48 MiB: more than the tablespace has left.
            for (; written < 768; written++)
                await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "INSERT INTO fillrows (payload) VALUES (REPEAT(MD5(RAND()), 2048))");
        }
        catch (MySqlException e)
        {
            error = e;
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        var log = await cluster.Containers.TailLogAsync("mm1", 400, CancellationToken.None);
        var aborted = log.Contains("[FATAL] InnoDB: Error (Out of disk space)", StringComparison.Ordinal);
        TestContext.Progress.WriteLine($"after {written} rows on a full disk: {error?.ErrorCode} {error?.Message}; server aborted: {aborted}");
        Assert.That(error, Is.Not.Null, "a write on a full disk must fail");
        if (aborted)
        {
            // Measured with MariaDB 10.11.18: the failed statement's rollback also needs space, and InnoDB aborts the server.
            Assert.That(log, Does.Contain("failed with error 28"), "the server's own log names ENOSPC");
            return;
        }
        Assert.That(error!.Message, Does.Contain("is full").Or.Contain("error 28").Or.Contain("No space left"), "MariaDB's out-of-space error");
        await cluster.FreeDiskAsync(CancellationToken.None);
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "INSERT INTO fillrows (payload) VALUES ('after')");
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mm2"),
            "SELECT COUNT(*) FROM fillrows WHERE payload = 'after'", 1L, Wait), Is.EqualTo(1L), "mm1 writes and replicates again");
    }
}
