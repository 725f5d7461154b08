using System.Globalization;
using Harness.Integration.Tests.MariaDb;
using Harness.Workloads.MariaDb;
using NUnit.Framework;

namespace Harness.Integration.Tests.Faults;

/// <summary>
/// A clock bump on one node of the asynchronous MariaDB multi-leader pair (mariadbd under libfaketime): NOW() on
/// that node moves, the other node's does not, and a row that records NOW() on the bumped node replicates with the
/// bumped timestamp, so the other node holds a row "from the future": the ingredient of last-writer-wins anomalies.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class MariaDbClockTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private MultiLeaderCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new MultiLeaderCluster(new MariaDbClusterOptions(Nodes: 2, RunId: "it-mmclock-" + Guid.NewGuid().ToString("N")[..8]) { Faketime = true },
            new Progress<string>(line => TestContext.Progress.WriteLine(line))) { HealthTimeout = TimeSpan.FromSeconds(240) };
        await cluster.SetupAsync(CancellationToken.None);
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "CREATE TABLE ev (k INT PRIMARY KEY, v INT, ts DATETIME(6))");
        Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mm2"),
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'ev'", 1L, Wait), Is.EqualTo(1L));
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    private async Task<double> NowOffsetAsync(string node)
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var now = Convert.ToDouble(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString(node), "SELECT UNIX_TIMESTAMP(NOW(6))"), CultureInfo.InvariantCulture);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        return now - (before + after) / 2;
    }

    [Test]
    public async Task ABumpedLeaderStampsReplicatedRowsWithItsOwnClock()
    {
        await cluster.BumpClockAsync("mm2", 3600, CancellationToken.None);
        try
        {
            var mm2 = await NowOffsetAsync("mm2");
            var mm1 = await NowOffsetAsync("mm1");
            var offsets = await cluster.ClockOffsetsAsync(CancellationToken.None);
            TestContext.Progress.WriteLine($"bump mm2 +3600 s: NOW() offset mm2 {mm2:0.000} s, mm1 {mm1:0.000} s; measured {string.Join(", ", offsets.Select(kv => $"{kv.Key} {kv.Value:0.000}"))}");
            Assert.That(mm2, Is.EqualTo(3600).Within(5));
            Assert.That(mm1, Is.EqualTo(0).Within(5));

            await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm1"), "INSERT INTO ev VALUES (1, 1, NOW(6))");
            await Task.Delay(TimeSpan.FromSeconds(1));
            await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mm2"), "INSERT INTO ev VALUES (2, 2, NOW(6))");
            Assert.That(await MariaDbTestSql.EventuallyAsync(cluster.ConnectionString("mm1"), "SELECT COUNT(*) FROM ev", 2L, Wait), Is.EqualTo(2L));
            var skew = Convert.ToDouble(await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm1"),
                "SELECT TIMESTAMPDIFF(MICROSECOND, (SELECT ts FROM ev WHERE k = 1), (SELECT ts FROM ev WHERE k = 2)) / 1e6"), CultureInfo.InvariantCulture);
            var latest = await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm1"), "SELECT k FROM ev ORDER BY ts DESC LIMIT 1");
            var future = await MariaDbTestSql.ScalarAsync(cluster.ConnectionString("mm1"), "SELECT COUNT(*) FROM ev WHERE ts > NOW(6) + INTERVAL 60 SECOND");
            await Task.Delay(TimeSpan.FromSeconds(2));
            var lagOnMm2 = await SecondsBehindAsync("mm2");
            TestContext.Progress.WriteLine($"on mm1: row 2 (written on mm2 ~1 s after row 1) is stamped {skew:0.000} s after row 1; rows in mm1's future: {future}; " +
                $"'latest' row by timestamp: k={latest}; mm2 reports Seconds_Behind_Master {lagOnMm2?.ToString() ?? "null"}");
            Assert.That(skew, Is.GreaterThan(3500), "mm2's bump travels with its rows");
            Assert.That(future, Is.EqualTo(1L));
        }
        finally
        {
            await cluster.ResetClocksAsync(CancellationToken.None);
        }
        Assert.That(await NowOffsetAsync("mm2"), Is.EqualTo(0).Within(5));
    }

    private async Task<long?> SecondsBehindAsync(string node)
    {
        await using var connection = new MySqlConnector.MySqlConnection(cluster.ConnectionString(node));
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand("SHOW SLAVE STATUS", connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        var value = reader["Seconds_Behind_Master"];
        return value is DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
