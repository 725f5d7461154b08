using System.Diagnostics;
using System.Globalization;
using Harness.Core.Faults;
using Harness.Docker;
using Harness.Workloads.Postgres;
using NUnit.Framework;

namespace Harness.Integration.Tests.Postgres;

/// <summary>
/// Measures the Docker mechanics a run pays for (issue 7, item 5): a 3-node PostgreSQL cluster from start to
/// healthy, a partition applied on every node and healed, and a node killed and started again. Explicit: it only
/// prints figures (for src/Harness.Docker/README.md), it asserts nothing about speed.
/// </summary>
[TestFixture]
[Category("Docker")]
[Explicit("timing measurement; run by name")]
[NonParallelizable]
public sealed class DockerTimingTests
{
    private const int Rounds = 5;

    [Test]
    public async Task MeasureClusterMechanics()
    {
        var runId = "it-timing-" + Guid.NewGuid().ToString("N")[..8];
        var ct = CancellationToken.None;
        await PostgresCluster.EnsureImagesAsync("debian:bookworm-slim", null, ct);
        await MeasureBareContainersAsync(runId + "-bare", ct);
        // A generous health deadline: on a shared 2-core machine initdb alone can take a minute.
        var cluster = new PostgresCluster(new PostgresClusterOptions(Nodes: 3, Replication: "async", RunId: runId)) { HealthTimeout = TimeSpan.FromSeconds(300) };
        try
        {
            var clock = Stopwatch.StartNew();
            await cluster.SetupAsync(ct);
            Report("(a) cluster start to healthy", [clock.Elapsed]);

            var apply = new List<TimeSpan>();
            var heal = new List<TimeSpan>();
            for (var i = 0; i < Rounds; i++)
            {
                clock.Restart();
                await cluster.ApplyGrudgeAsync(Grudge.Isolate(cluster.Nodes, "pg3"), ct);
                apply.Add(clock.Elapsed);
                clock.Restart();
                await cluster.HealNetworkAsync(ct);
                heal.Add(clock.Elapsed);
            }
            Report("(b) partition applied on all nodes", apply);
            Report("(b) partition healed on all nodes", heal);

            var restart = new List<TimeSpan>();
            for (var i = 0; i < Rounds; i++)
            {
                clock.Restart();
                await cluster.KillAsync("pg2", ct);
                await cluster.StartAsync("pg2", ct);
                while (!await cluster.Containers.IsRunningAsync("pg2", ct)) await Task.Delay(10, ct);
                restart.Add(clock.Elapsed);
                await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(60), ct);
            }
            Report("(c) kill to restarted (container running)", restart);

            clock.Restart();
            await cluster.TeardownAsync(ct);
            Report("teardown", [clock.Elapsed]);
        }
        finally
        {
            await cluster.TeardownAsync(ct);
        }
    }

    /// <summary>The Docker part of a cluster start alone: network plus three containers that only sleep, then teardown.</summary>
    private static async Task MeasureBareContainersAsync(string runId, CancellationToken ct)
    {
        var image = await ToolsImage.EnsureAsync("debian:bookworm-slim", null, ct);
        var starts = new List<TimeSpan>();
        var teardowns = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var bare = new ContainerCluster($"{runId}{i}", "bare", ["a", "b", "c"], 5432);
            try
            {
                var clock = Stopwatch.StartNew();
                await bare.CreateNetworkAsync(ct);
                await Task.WhenAll(bare.Nodes.Select(n =>
                    bare.StartContainerAsync(new ContainerSpec(n, image, new Dictionary<string, string>(), Command: ["sleep", "infinity"]), ct)));
                starts.Add(clock.Elapsed);
                clock.Restart();
                await bare.TeardownAsync(ct);
                teardowns.Add(clock.Elapsed);
            }
            finally
            {
                await bare.TeardownAsync(ct);
            }
        }
        Report("(a') network + 3 sleeping containers started", starts);
        Report("(a') their teardown", teardowns);
    }

    private static void Report(string what, IReadOnlyList<TimeSpan> times)
    {
        var ms = times.Select(t => t.TotalMilliseconds).Order().ToList();
        var c = CultureInfo.InvariantCulture;
        var line = string.Create(c, $"TIMING {what}: median {ms[ms.Count / 2]:0} ms, min {ms[0]:0} ms, max {ms[^1]:0} ms (n={ms.Count})");
        TestContext.Progress.WriteLine(line);
    }
}
