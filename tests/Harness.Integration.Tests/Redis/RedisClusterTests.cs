using System.Diagnostics;
using Harness.Workloads.Redis;
using NUnit.Framework;
using StackExchange.Redis;

namespace Harness.Integration.Tests.Redis;

/// <summary>A Redis + Sentinel cluster at the cluster level: healthy start (every sentinel agrees, replicas online),
/// replication and lag samples, then failover through Sentinel and the old master's return as a replica.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class RedisClusterTests
{
    private readonly string runId = "it-redis-" + Guid.NewGuid().ToString("N")[..8];
    private RedisCluster cluster = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new RedisCluster(new RedisClusterOptions(Nodes: 3, MinReplicasToWrite: 0, RunId: runId),
            new Progress<string>(line => TestContext.Progress.WriteLine(line)));
        await cluster.SetupAsync(CancellationToken.None);
        TestContext.Progress.WriteLine($"redis + sentinel healthy in {cluster.StartedIn?.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster()
    {
        var logs = Directory.CreateTempSubdirectory("harness-it-redis-logs-").FullName;
        await cluster.CollectLogsAsync(logs, CancellationToken.None);
        TestContext.Progress.WriteLine($"node logs: {logs}");
        await cluster.DisposeAsync();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(string node)
    {
        var (host, port) = cluster.Endpoint(node);
        return await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { { host, port } }, ConnectTimeout = 5000 });
    }

    private async Task<RedisValue> EventuallyAsync(string node, string key, RedisValue expected)
    {
        await using var mux = await ConnectAsync(node);
        var value = RedisValue.Null;
        for (var i = 0; i < 50 && value != expected; i++)
        {
            value = await mux.GetDatabase().StringGetAsync(key);
            if (value != expected) await Task.Delay(200);
        }
        return value;
    }

    /// <summary>One raw RESP command (StackExchange.Redis refuses to send a write to a replica itself).</summary>
    private async Task<string> RawAsync(string node, string command)
    {
        var (host, port) = cluster.Endpoint(node);
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(command));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }

    [Test]
    [Order(1)]
    public async Task AHealthyClusterReplicatesAndReportsLag()
    {
        Assert.That(cluster.Primary, Is.EqualTo("redis1"));
        Assert.That(await cluster.PrimaryAsync(CancellationToken.None), Is.EqualTo("redis1"), "every sentinel names redis1");
        await using (var master = await ConnectAsync("redis1")) await master.GetDatabase().StringSetAsync("k", "1");
        Assert.That((string?)await EventuallyAsync("redis3", "k", "1"), Is.EqualTo("1"), "the write reaches a replica");

        Assert.That(await RawAsync("redis2", "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\n2\r\n"), Does.StartWith("-READONLY"), "a replica refuses writes");

        var lag = await cluster.SampleLagAsync(1, CancellationToken.None);
        Assert.That(lag.Select(s => s.Node), Is.EquivalentTo(new[] { "redis2", "redis3" }));
        Assert.That(lag.Select(s => s.State), Is.All.EqualTo("online"));
        Assert.That(lag.Select(s => s.LsnBehindBytes), Is.All.Not.Null);
    }

    [Test]
    [Order(2)]
    public async Task SentinelPromotesAReplicaAndTheOldMasterComesBackAsItsReplica()
    {
        var clock = Stopwatch.StartNew();
        var what = await cluster.FailoverAsync(null, CancellationToken.None);
        TestContext.Progress.WriteLine($"failover: {what} (call took {clock.Elapsed.TotalSeconds:0.00} s)");
        var promoted = cluster.Primary;
        Assert.That(promoted, Is.Not.EqualTo("redis1"));
        Assert.That(cluster.Replaced, Is.EqualTo(new[] { "redis1" }));
        await using (var master = await ConnectAsync(promoted)) await master.GetDatabase().StringSetAsync("k", "after-failover");

        clock.Restart();
        what = await cluster.RejoinAsync(CancellationToken.None);
        TestContext.Progress.WriteLine($"rejoin: {what} (call took {clock.Elapsed.TotalSeconds:0.00} s)");
        Assert.That(cluster.Replaced, Is.Empty);
        Assert.That((string?)await EventuallyAsync("redis1", "k", "after-failover"), Is.EqualTo("after-failover"), "the old master follows the new one");
        Assert.That(await cluster.PrimaryAsync(CancellationToken.None), Is.EqualTo(promoted));
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
    }
}
