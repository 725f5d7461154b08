using Harness.Core.Modules;
using Harness.Runner.Faults;
using Harness.Core.Databases;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

[TestFixture]
public sealed class FailoverAndDelayNemesisTests
{
    private static readonly string[] Nodes = ["pg1", "pg2", "pg3"];

    private sealed class FakeCluster : IPromotable, IDelayable, IHasPrimary
    {
        public string Primary { get; set; } = "pg1";
        public List<string> Calls { get; } = [];

        public Task<string> FailoverAsync(string? target, CancellationToken cancellationToken)
        {
            Calls.Add($"failover {target ?? "best"}");
            Primary = target ?? "pg2";
            return Task.FromResult("promoted " + Primary);
        }

        public Task<string> RejoinAsync(CancellationToken cancellationToken)
        {
            Calls.Add("rejoin");
            return Task.FromResult("rejoined");
        }

        public Task DelayAsync(string node, IReadOnlyList<string>? fromNodes, int delayMs, int jitterMs, CancellationToken cancellationToken)
        {
            Calls.Add($"delay {node} {delayMs}±{jitterMs}");
            return Task.CompletedTask;
        }

        public Task ClearDelaysAsync(CancellationToken cancellationToken)
        {
            Calls.Add("clear");
            return Task.CompletedTask;
        }

        public Task<string?> PrimaryAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(Primary);
    }

    [Test]
    public async Task FailoverStartsPromoteAndStopsRejoin()
    {
        var cluster = new FakeCluster();
        var nemesis = new FailoverNemesis(cluster);
        Assert.That(await nemesis.InvokeAsync("start-failover", null, default), Is.EqualTo("promoted pg2"));
        Assert.That(await nemesis.InvokeAsync("stop-failover", null, default), Is.EqualTo("rejoined"));
        await nemesis.InvokeAsync("start-failover", "pg3", default);
        await nemesis.HealAllAsync(default);
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "failover best", "rejoin", "failover pg3", "rejoin" }));
        Assert.ThrowsAsync<ArgumentException>(() => nemesis.InvokeAsync("start-kill", null, default));
    }

    [Test]
    public async Task DelayTargetsFollowTheCurrentPrimary()
    {
        var cluster = new FakeCluster { Primary = "pg2" };
        var nemesis = new DelayNemesis(cluster, Nodes, cluster, 300, 30);
        Assert.That(await nemesis.InvokeAsync("start-delay", null, default), Is.EqualTo("pg1, pg3 receive from every peer 300 ± 30 ms late"));
        await nemesis.InvokeAsync("start-delay", "primary", default);
        await nemesis.InvokeAsync("start-delay", "pg3", default);
        Assert.That(await nemesis.InvokeAsync("stop-delay", null, default), Is.EqualTo("delays cleared"));
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "delay pg1 300±30", "delay pg3 300±30", "delay pg2 300±30", "delay pg3 300±30", "clear" }));
    }

    [Test]
    public void TheScheduleGivesFailoverNoTargetAndDelayAStandbySetOrANode()
    {
        var random = new Random(5);
        for (var i = 0; i < 50; i++)
        {
            Assert.That(new FailoverFault().Target(Nodes, ModuleOptions.Empty, random), Is.Null);
            var delay = new DelayFault().Target(Nodes, ModuleOptions.Empty, random) as string;
            Assert.That(delay, Is.EqualTo("standbys").Or.AnyOf(Nodes));
        }
    }
}
