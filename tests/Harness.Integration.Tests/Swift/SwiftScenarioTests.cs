using System.Diagnostics;
using System.Net;
using Harness.Core.Faults;
using NUnit.Framework;

namespace Harness.Integration.Tests.Swift;

/// <summary>Scripted leaderless anomalies on a real 5-node Swift cluster (3 replicas, a proxy per node): health
/// through every proxy, a stale one-replica read after heal that <c>X-Newest</c> does not return, and a sloppy
/// quorum acknowledging a write on a minority side that the majority cannot see until the replicator moves it.
/// One cluster serves all three, to keep the suite short on a loaded machine.</summary>
[TestFixture]
[Category("Docker")]
[Explicit("Left out of CI, which would pass its 45 min with it: on a quiet machine (2026-12-02 07:16, load < 1) the three tests on one cluster took 1.95 min in all, and passed; at load 50-80 (2026-12-01) the cluster took 7-9.5 min to start. Run with --filter FullyQualifiedName~SwiftScenarioTests")]
[NonParallelizable]
public sealed class SwiftScenarioTests
{
    /// <summary>One cluster for the three scenarios (each uses its own objects and heals what it broke). The object
    /// replicator runs every 60 s, so a stale replica stays stale long enough to be read after the heal.</summary>
    private SwiftScenario s = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        s = await SwiftScenario.StartAsync("swift-scenarios", 60);
        TestContext.Progress.WriteLine($"swift cluster healthy in {s.StartTime.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s is not null) await s.DisposeAsync();
    }

    [Test]
    public async Task EveryProxyWritesAndEveryProxyReads()
    {
        foreach (var writer in s.Cluster.Nodes)
        {
            Assert.That(await s.PutAsync(writer, $"via-{writer}", writer), Is.EqualTo(HttpStatusCode.Created));
            foreach (var reader in s.Cluster.Nodes)
                Assert.That(await s.GetAsync(reader, $"via-{writer}", newest: reader == writer), Is.EqualTo(writer), $"{writer} -> {reader}");
        }
    }

    [Test]
    public async Task AStaleReadOneAfterHealIsCaughtAndReadNewestIsClean()
    {
        var primaries = SwiftScenario.Primaries(await s.ProbeAsync("stale"));
        var (lagging, other) = (primaries[0], primaries[1]);
        Assert.That(await s.PutAsync(other, "stale", "v1"), Is.EqualTo(HttpStatusCode.Created));
        await s.Cluster.ApplyGrudgeAsync(Grudge.Isolate(s.Cluster.Nodes, lagging), CancellationToken.None);
        Assert.That(await s.PutAsync(other, "stale", "v2"), Is.EqualTo(HttpStatusCode.Created));
        await s.Cluster.HealNetworkAsync(CancellationToken.None);

        Assert.That(await s.GetAsync(lagging, "stale"), Is.EqualTo("v1"), "read-one through the lagging primary's proxy is stale");
        Assert.That(await s.GetAsync(lagging, "stale", newest: true), Is.EqualTo("v2"), "read-newest asks every primary");
    }

    [Test]
    public async Task AMinorityPutIsAcknowledgedInvisibleToTheMajorityAndConvergesAfterHeal()
    {
        // The minority must hold none of the object's primaries but some of the account's and container's, or its
        // proxy cannot read their info and answers 404 before trying the object.
        var (account, container) = await s.MetadataPrimariesAsync();
        string obj = "";
        List<string> minority = [];
        // One probe for all candidates: on a loaded machine each probe (a Python process in a node) takes minutes.
        var candidates = await s.Cluster.ProbeAsync(SwiftScenario.Container, Enumerable.Range(0, 64).Select(i => $"sloppy{i}").ToList(), CancellationToken.None);
        foreach (var probe in candidates)
        {
            var rest = s.Cluster.Nodes.Where(n => !SwiftScenario.Primaries(probe).Contains(n)).ToList();
            if (!rest.Intersect(account).Any() || !rest.Intersect(container).Any()) continue;
            (obj, minority) = (probe["object"]!.GetValue<string>(), rest);
            break;
        }
        Assert.That(minority, Is.Not.Empty, "an object whose primaries are all on the majority side");
        var minorityNode = minority.First(n => account.Contains(n));
        var majority = s.Cluster.Nodes.Except(minority).ToList();
        await s.Cluster.ApplyGrudgeAsync(Grudge.Complete([minority, majority]), CancellationToken.None);
        Assert.That(await s.PutAsync(minorityNode, obj, "hinted"), Is.EqualTo(HttpStatusCode.Created), "a sloppy quorum of handoffs");
        Assert.That(await s.GetAsync(majority[0], obj), Is.Null, "the majority side sees nothing");
        Assert.That(await s.GetAsync(majority[0], obj, newest: true), Is.Null, "not even with X-Newest");

        await s.Cluster.HealNetworkAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(600))
        {
            var probe = await s.ProbeAsync(obj);
            if (majority.All(n => SwiftScenario.Copy(probe, n) == "hinted")) break;
            await Task.Delay(250);
        }
        TestContext.Out.WriteLine($"primaries converged {clock.Elapsed.TotalSeconds:0.0} s after heal");
        var final = await s.ProbeAsync(obj);
        Assert.That(majority.Select(n => SwiftScenario.Copy(final, n)), Is.All.EqualTo("hinted"), "every primary holds the handoff's write");
        Assert.That(await s.GetAsync(majority[0], obj), Is.EqualTo("hinted"));
    }
}
