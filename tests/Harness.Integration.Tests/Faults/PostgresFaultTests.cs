using System.Diagnostics;
using Harness.Core.Faults;
using Harness.Docker;
using Harness.Integration.Tests.Postgres;
using Harness.Runner.Nemeses;
using Harness.Workloads.Postgres;
using NUnit.Framework;

namespace Harness.Integration.Tests.Faults;

/// <summary>
/// A measured effect for each new fault on one asynchronous 3-node PostgreSQL cluster whose servers run under
/// libfaketime: clocks (bump, strobe, skew), packet faults (loss, corruption, duplication, rate limit), a one-way
/// partition, SIGSTOP of postgres alone, and last the coordinated crash and the kill during recovery. Every test
/// heals what it did.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class PostgresFaultTests
{
    private readonly string runId = "it-nemesis-" + Guid.NewGuid().ToString("N")[..8];
    private PostgresCluster cluster = null!;

    private string Pg(string node) => cluster.ConnectionString(node);

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        cluster = new PostgresCluster(new PostgresClusterOptions(Nodes: 3, Replication: "async", RunId: runId) { Faketime = true },
            new Progress<string>(line => TestContext.Progress.WriteLine(line))) { HealthTimeout = TimeSpan.FromSeconds(240) };
        await cluster.SetupAsync(CancellationToken.None);
        await PgTestSql.ExecuteAsync(Pg("pg1"), "create table blob (id serial primary key, payload text)");
    }

    [OneTimeTearDown]
    public async Task RemoveCluster() => await cluster.DisposeAsync();

    [TearDown]
    public async Task HealEverything()
    {
        await cluster.ClearPacketFaultsAsync(CancellationToken.None);
        await cluster.HealOneWayAsync(CancellationToken.None);
        await cluster.ResetClocksAsync(CancellationToken.None);
    }

    /// <summary>Inserts <paramref name="rows"/> rows of about 1 KiB on the primary.</summary>
    private Task WriteLoadAsync(int rows) =>
        PgTestSql.ExecuteAsync(Pg("pg1"), $"insert into blob (payload) select repeat(md5(g::text), 32) from generate_series(1, {rows}) g");

    private async Task<double> NowOffsetAsync(string node)
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var now = Convert.ToDouble(await PgTestSql.ScalarAsync(Pg(node), "select extract(epoch from now())::float8"), System.Globalization.CultureInfo.InvariantCulture);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        return now - (before + after) / 2;
    }

    [Test, Order(1)]
    public async Task ClockBumpShowsInNowOnThatNodeOnly()
    {
        await cluster.BumpClockAsync("pg2", 3600, CancellationToken.None);
        var offsets = await cluster.ClockOffsetsAsync(CancellationToken.None);
        var pg2 = await NowOffsetAsync("pg2");
        var pg1 = await NowOffsetAsync("pg1");
        TestContext.Progress.WriteLine($"bump +3600 s: now() offset pg2 {pg2:0.000} s, pg1 {pg1:0.000} s; measured offsets {string.Join(", ", offsets.Select(kv => $"{kv.Key} {kv.Value:0.000}"))}");
        Assert.That(pg2, Is.EqualTo(3600).Within(5));
        Assert.That(pg1, Is.EqualTo(0).Within(5));
        Assert.That(offsets["pg2"], Is.EqualTo(3600).Within(1));
        Assert.That(offsets["pg1"], Is.EqualTo(0).Within(1));
        await cluster.ResetClocksAsync(CancellationToken.None);
        Assert.That(await NowOffsetAsync("pg2"), Is.EqualTo(0).Within(5));
    }

    [Test, Order(2)]
    public async Task ClockStrobeMakesNowGoBackwards()
    {
        await cluster.StrobeClockAsync("pg3", 5, 10, 8, CancellationToken.None);
        var samples = await PgRows.ColumnAsync(Pg("pg3"),
            "select extract(epoch from clock_timestamp())::float8 from generate_series(1, 20000) g");
        var backwards = samples.Zip(samples.Skip(1)).Count(p => p.Second < p.First);
        TestContext.Progress.WriteLine($"strobe 5 s every 10 ms: {backwards} backward steps in {samples.Count} clock readings");
        Assert.That(backwards, Is.GreaterThan(0));
    }

    [Test, Order(3)]
    public async Task ClockSkewMakesTheClockRunFast()
    {
        await cluster.SkewClockAsync("pg2", 3, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(4));
        var offset = await NowOffsetAsync("pg2");
        TestContext.Progress.WriteLine($"skew 3x for ~4 s: now() offset on pg2 {offset:0.000} s");
        Assert.That(offset, Is.GreaterThan(4));
    }

    [Test, Order(10)]
    public async Task PacketLossMakesThePrimaryRetransmit()
    {
        var baseline = await RetransmitsDuringLoadAsync();
        await cluster.ApplyPacketFaultAsync("pg2", ["pg1"], new PacketFault { LossPercent = 30 }, CancellationToken.None);
        var lossy = await RetransmitsDuringLoadAsync();
        TestContext.Progress.WriteLine($"pg1 TCP retransmissions while writing 3000 rows: {baseline} without loss, {lossy} with 30% loss into pg2");
        Assert.That(lossy, Is.GreaterThan(baseline + 5));
    }

    private async Task<long> RetransmitsDuringLoadAsync()
    {
        var before = await NodeProbe.CounterAsync(cluster.Containers, "pg1", "Tcp", "RetransSegs");
        await WriteLoadAsync(3000);
        await Task.Delay(TimeSpan.FromSeconds(2));
        return await NodeProbe.CounterAsync(cluster.Containers, "pg1", "Tcp", "RetransSegs") - before;
    }

    [Test, Order(11)]
    public async Task CorruptionFailsChecksumsOnTheReceiver()
    {
        var before = await NodeProbe.CounterAsync(cluster.Containers, "pg2", "Tcp", "InCsumErrors");
        await cluster.ApplyPacketFaultAsync("pg2", null, new PacketFault { CorruptPercent = 20 }, CancellationToken.None);
        await WriteLoadAsync(3000);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var errors = await NodeProbe.CounterAsync(cluster.Containers, "pg2", "Tcp", "InCsumErrors") - before;
        TestContext.Progress.WriteLine($"20% corruption into pg2: {errors} TCP checksum errors on pg2 while writing 3000 rows");
        Assert.That(errors, Is.GreaterThan(0));
    }

    [Test, Order(12)]
    public async Task DuplicatesReachTheReceiverTwice()
    {
        var before = await NodeProbe.CounterAsync(cluster.Containers, "pg3", "TcpExt", "TCPDSACKOldSent");
        await cluster.ApplyPacketFaultAsync("pg3", ["pg1"], new PacketFault { DuplicatePercent = 50 }, CancellationToken.None);
        await WriteLoadAsync(3000);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var dsacks = await NodeProbe.CounterAsync(cluster.Containers, "pg3", "TcpExt", "TCPDSACKOldSent") - before;
        TestContext.Progress.WriteLine($"50% duplication into pg3: pg3 answered {dsacks} duplicate segments with a D-SACK");
        Assert.That(dsacks, Is.GreaterThan(0));
    }

    [Test, Order(13)]
    public async Task RateLimitMakesReplicationLagGrowUnderLoad()
    {
        await cluster.ApplyPacketFaultAsync("pg2", ["pg1"], new PacketFault { RateKbit = 256 }, CancellationToken.None);
        await WriteLoadAsync(4000); // about 4 MiB of WAL
        // Give the unthrottled standby time to replay the burst (pg2 at 32 KB/s needs minutes), then compare.
        List<object?[]> lag = [];
        for (var i = 0; i < 30; i++)
        {
            lag = await PgRows.RowsAsync(Pg("pg1"),
                "select application_name, (pg_current_wal_lsn() - replay_lsn)::bigint from pg_stat_replication order by 1");
            if (lag.Any(r => (string)r[0]! == "pg3" && Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture) < 65_536)) break;
            await Task.Delay(500);
        }
        var text = string.Join(", ", lag.Select(r => $"{r[0]} {r[1]} bytes"));
        TestContext.Progress.WriteLine($"256 kbit/s from pg1 into pg2 after ~4 MiB of writes: replay lag {text}");
        var pg2 = Convert.ToInt64(lag.Single(r => (string)r[0]! == "pg2")[1], System.Globalization.CultureInfo.InvariantCulture);
        var pg3 = Convert.ToInt64(lag.Single(r => (string)r[0]! == "pg3")[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(pg2, Is.GreaterThan(1_000_000));
        Assert.That(pg2, Is.GreaterThan(pg3 * 10));
    }

    [Test, Order(20)]
    public async Task OneWayPartitionLeavesTheOtherDirectionWorking()
    {
        await cluster.ApplyOneWayAsync(Grudge.OneWayInto(cluster.Nodes, "pg2"), CancellationToken.None);
        var outbound = await NodeProbe.UdpArrivesAsync(cluster.Containers, "pg2", "pg3");
        var inbound = await NodeProbe.UdpArrivesAsync(cluster.Containers, "pg3", "pg2");
        await cluster.HealOneWayAsync(CancellationToken.None);
        var healed = await NodeProbe.UdpArrivesAsync(cluster.Containers, "pg3", "pg2");
        TestContext.Progress.WriteLine($"pg2 deafened: pg2 -> pg3 {outbound}, pg3 -> pg2 {inbound}, after heal pg3 -> pg2 {healed}");
        Assert.That(outbound, Is.True);
        Assert.That(inbound, Is.False);
        Assert.That(healed, Is.True);
    }

    [Test, Order(30)]
    public async Task SigstopFreezesPostgresButNotTheNode()
    {
        await cluster.StopProcessAsync("pg3", CancellationToken.None);
        try
        {
            var states = await cluster.Containers.ExecAsync("pg3", ["sh", "-c", "ps -u postgres -o stat= | cut -c1 | sort | uniq -c"], TimeSpan.FromSeconds(20), CancellationToken.None);
            TestContext.Progress.WriteLine("postgres process states on pg3 while stopped: " + states.Stdout.Replace('\n', ' '));
            Assert.That(states.Succeeded, Is.True, "the node itself still runs commands");
            Assert.That(states.Stdout, Does.Contain("T").And.Not.Contain(" S"));
            Assert.That(async () => await PgTestSql.ScalarAsync(Pg("pg3"), "select 1"), Throws.Exception);
        }
        finally
        {
            await cluster.ContinueProcessAsync("pg3", CancellationToken.None);
        }
        Assert.That(await PgTestSql.EventuallyAsync(Pg("pg3"), "select 1", 1, TimeSpan.FromSeconds(30)), Is.EqualTo(1));
    }

    [Test, Order(40)]
    public async Task KillDuringRecoveryLeavesANodeThatStillRecovers()
    {
        var nemesis = new KillRecoveryNemesis(cluster, cluster, cluster.Nodes, TimeSpan.FromMilliseconds(300));
        var result = await nemesis.InvokeAsync("start-kill-recovery", "pg2", CancellationToken.None);
        TestContext.Progress.WriteLine(result);
        await nemesis.InvokeAsync("stop-kill-recovery", null, CancellationToken.None);
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(180), CancellationToken.None);
    }

    /// <summary>The time between the first and the last node's death, from the engine's own record.</summary>
    private async Task<TimeSpan> DeathSpreadAsync()
    {
        var times = new List<DateTimeOffset>();
        foreach (var node in cluster.Nodes)
        {
            var text = await DockerCli.Default.RunCheckedAsync(["inspect", "-f", "{{.State.FinishedAt}}", cluster.Containers.ContainerName(node)],
                TimeSpan.FromSeconds(30), CancellationToken.None);
            times.Add(DateTimeOffset.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        }
        return times.Max() - times.Min();
    }

    [Test, Order(50)]
    public async Task CoordinatedCrashRestartsEveryNodeAndTheClusterIsHealthyAgain()
    {
        var nemesis = NodeFaultNemesis.Kill(cluster, cluster, cluster.Nodes);
        var result = (string?)await nemesis.InvokeAsync("start-kill", new object?[] { "all" }, CancellationToken.None);
        TestContext.Progress.WriteLine(result);
        foreach (var node in cluster.Nodes) Assert.That(await cluster.Containers.IsRunningAsync(node, CancellationToken.None), Is.False, node);
        var spread = await DeathSpreadAsync();
        TestContext.Progress.WriteLine($"the three containers died within {spread.TotalMilliseconds:0} ms of each other (State.FinishedAt)");
        Assert.That(spread, Is.LessThan(TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();
        await nemesis.InvokeAsync("stop-kill", null, CancellationToken.None);
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(180), CancellationToken.None);
        TestContext.Progress.WriteLine($"all three nodes restarted together; healthy again {clock.Elapsed.TotalSeconds:0.0} s after the restart");
        Assert.That(result, Does.StartWith("kill pg1, pg2, pg3 ("));
    }
}
