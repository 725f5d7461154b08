using System.Diagnostics;
using System.Globalization;
using Harness.Workloads.MariaDb;
using MySqlConnector;
using NUnit.Framework;

namespace Harness.Integration.Tests.MariaDb;

/// <summary>
/// What a client's time-out does to other clients' semi-synchronous commits. With no replica connected, every commit on
/// the primary waits for an acknowledgement (up to <c>rpl_semi_sync_master_timeout</c>, 20 s here). Four clients commit
/// one after another, 100 ms apart: the first waits alone, the other three queue behind it as the next binlog group.
/// The first gives up at 2 s and the second at 3 s, as the harness's clients do at their deadline (a cancelled
/// MySqlConnector command: <c>KILL QUERY</c>). The test records when each is answered and with what, and the
/// semi-sync counters, so the finding of the
/// <c>mariadb-commit-modes</c> scenario (semi-sync writes acknowledged in the same millisecond as other clients' time-outs,
/// then found only on the killed old primary) is pinned down on a primary alone, without a failover.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class SemiSyncAbandonedWaitTests
{
    private const int TimeoutMs = 20_000;
    private ReplicaSetCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new ReplicaSetCluster(new MariaDbClusterOptions(Nodes: 3, RunId: "it-msa-" + Guid.NewGuid().ToString("N")[..8]),
            new ReplicaSetOptions("semi-sync", TimeoutMs), new Progress<string>(line => TestContext.Progress.WriteLine(line)))
        { HealthTimeout = TimeSpan.FromSeconds(240) };
        await cluster.SetupAsync(CancellationToken.None);
        await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), "CREATE TABLE kv (k INT PRIMARY KEY, v INT)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    [Test]
    public async Task AClientGivingUpReleasesOtherClientsWaitingCommitsBeforeAnyReplicaHasThem()
    {
        var before = await cluster.SemiSyncStatusAsync(CancellationToken.None);
        Assert.That((before!.On, before.Clients), Is.EqualTo((true, 2L)), "semi-sync on, both replicas connected");
        await Task.WhenAll(cluster.KillAsync("mdb2", CancellationToken.None), cluster.KillAsync("mdb3", CancellationToken.None));

        var clock = Stopwatch.StartNew();
        using var blockerCancel = new CancellationTokenSource();
        var blocker = Commit(1, blockerCancel.Token, clock);
        await Task.Delay(500);
        // Six commits at once while the first waits: they queue as the next binlog group (or few), whose leader
        // waits for the acknowledgement on the group's behalf.
        var connections = await Task.WhenAll(Enumerable.Range(2, 6).Select(OpenAsync));
        var threads = connections.Select((c, i) => (c.ServerThread, Key: i + 2)).ToList();
        var group = connections.Select((c, i) => Insert(c, i + 2, clock)).ToList();
        await Task.Delay(Math.Max(0, 2000 - (int)clock.ElapsedMilliseconds));
        await blockerCancel.CancelAsync();
        var first = await blocker;
        // Each second, the commits now waiting for the acknowledgement are killed, as a client's deadline does.
        var waiting = new List<int>();
        var kills = new List<string>();
        for (var second = 3; second <= 4; second++)
        {
            await Task.Delay(Math.Max(0, second * 1000 - (int)clock.ElapsedMilliseconds));
            var now = await WaitingForAckAsync();
            kills.Add(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds:0} ms: threads {string.Join(", ", now)}"));
            foreach (var id in now) await MariaDbTestSql.ExecuteAsync(cluster.ConnectionString("mdb1"), $"KILL QUERY {id}");
            waiting.AddRange(now);
        }
        var answers = await Task.WhenAll(group);
        foreach (var c in connections) await c.DisposeAsync();
        var after = await cluster.SemiSyncStatusAsync(CancellationToken.None);

        var killedKeys = threads.Where(x => waiting.Contains(x.ServerThread)).Select(x => x.Key).ToList();
        TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"client 1 gave up at 2,000 ms and was answered at {first.AnsweredMs:0} ms: {first.Outcome}; semi-sync timeout {TimeoutMs} ms; no replica running"));
        TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"waiting for a semi-sync ACK and killed: {string.Join("; ", kills)} = clients {string.Join(", ", killedKeys)}"));
        foreach (var (key, at, outcome) in answers)
            TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client {key}: answered at {at:0} ms: {outcome}"));
        TestContext.Progress.WriteLine($"semi-sync before: {before}; after: {after}");

        Assert.That(waiting, Is.Not.Empty, "a commit of the second group waits for the acknowledgement");
        var released = answers.Where(a => !killedKeys.Contains(a.Key) && a.Outcome == "ok" && a.AnsweredMs < TimeoutMs / 2).ToList();
        TestContext.Progress.WriteLine($"{released.Count} commits never killed were acknowledged right after the kill, {TimeoutMs / 1000} s before the semi-sync timeout");
        Assert.That(released, Is.Not.Empty,
            "killing the waiting commit released other clients' commits of its group: acknowledged with no replica holding them");
    }

    private async Task<MySqlConnection> OpenAsync(int key)
    {
        var connection = new MySqlConnection(cluster.ConnectionString("mdb1"));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<(int Key, double AnsweredMs, string Outcome)> Insert(MySqlConnection connection, int key, Stopwatch clock)
    {
        await using var command = new MySqlCommand(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO kv VALUES ({key}, {key})"), connection)
        { CommandTimeout = 60 };
        try
        {
            await command.ExecuteNonQueryAsync();
            return (key, clock.Elapsed.TotalMilliseconds, "ok");
        }
        catch (MySqlException e)
        {
            return (key, clock.Elapsed.TotalMilliseconds, "MySqlException: " + e.Message);
        }
    }

    private async Task<List<int>> WaitingForAckAsync()
    {
        await using var connection = new MySqlConnection(cluster.ConnectionString("mdb1"));
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT ID FROM information_schema.PROCESSLIST WHERE STATE LIKE '%semi-sync%' AND COMMAND = 'Query'", connection);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        return ids;
    }

    private async Task<(int Key, double AnsweredMs, string Outcome)> Commit(int key, CancellationToken cancel, Stopwatch clock)
    {
        var builder = new MySqlConnectionStringBuilder(cluster.ConnectionString("mdb1")) { DefaultCommandTimeout = 60, CancellationTimeout = -1 };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO kv VALUES ({key}, {key})"), connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancel);
            return (key, clock.Elapsed.TotalMilliseconds, "ok");
        }
        catch (Exception e) when (e is OperationCanceledException or MySqlException)
        {
            return (key, clock.Elapsed.TotalMilliseconds, e.GetType().Name + ": " + e.Message);
        }
    }
}
