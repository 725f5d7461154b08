using Harness.Core.Modules;
using Harness.Runner.Faults;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>Node fault targets (one, primary, minority, majority, all), coordinated kills and kill during recovery.</summary>
public class NodeTargetTests
{
    private static readonly string[] Five = ["n1", "n2", "n3", "n4", "n5"];

    [TestCase("minority", 2)]
    [TestCase("majority", 3)]
    [TestCase("all", 5)]
    public async Task GroupTargetsTakeTheRightNumberOfNodesFromTheSeededOrder(string kind, int count)
    {
        var value = new object?[] { kind, "n4", "n2", "n5", "n1", "n3" };
        var nodes = await NodeTarget.ResolveAsync(value, Five, null, default);
        Assert.That(nodes, Is.EqualTo(new[] { "n4", "n2", "n5", "n1", "n3" }.Take(count)));
    }

    [Test]
    public async Task PrimaryIsResolvedWhenTheFaultStarts()
    {
        var cluster = new FakeFaultCluster(Five) { Primary = "n3" };
        Assert.That(await NodeTarget.ResolveAsync("primary", Five, cluster.PrimaryAsync, default), Is.EqualTo(new[] { "n3" }));
        Assert.That(await NodeTarget.ResolveAsync("n2", Five, cluster.PrimaryAsync, default), Is.EqualTo(new[] { "n2" }));
        Assert.That(await NodeTarget.ResolveAsync("primary", Five, null, default), Is.EqualTo(new[] { "n1" }));
    }

    [Test]
    public void TargetsOptionLimitsTheDrawAndRejectsUnknownKinds()
    {
        var fault = new KillFault();
        var random = new Random(1);
        var values = Enumerable.Range(0, 20).Select(_ => fault.Target(Five, ModuleOptions.Of(("targets", "all")), random)).ToList();
        Assert.That(values.All(v => v is object?[] { Length: 6 } a && (string?)a[0] == "all"), Is.True);
        Assert.That(() => fault.Target(Five, ModuleOptions.Of(("targets", "half")), random), Throws.ArgumentException);
    }

    [Test]
    public async Task CoordinatedKillHitsEveryNodeAndRestartsThemAll()
    {
        var cluster = new FakeFaultCluster(Five);
        var nemesis = NodeFaultNemesis.Kill(cluster, cluster, Five);
        var result = (string?)await nemesis.InvokeAsync("start-kill", new object?[] { "all" }, default);
        Assert.That(result, Does.StartWith("kill n1, n2, n3, n4, n5 (all within "));
        await nemesis.InvokeAsync("stop-kill", null, default);
        Assert.That(cluster.Calls.Where(c => c.StartsWith("kill", StringComparison.Ordinal)).Order(), Is.EqualTo(Five.Select(n => "kill " + n)));
        Assert.That(cluster.Calls.Where(c => c.StartsWith("start", StringComparison.Ordinal)).Order(), Is.EqualTo(Five.Select(n => "start " + n)));
        Assert.That(await nemesis.InvokeAsync("stop-kill", null, default), Is.EqualTo("nothing to restore"));
    }

    private sealed class TogetherCluster : Harness.Core.Databases.IKillableTogether
    {
        public List<string> Calls { get; } = [];
        public Task KillAsync(string node, CancellationToken cancellationToken) => Note("kill " + node);
        public Task StartAsync(string node, CancellationToken cancellationToken) => Note("start " + node);
        public Task KillTogetherAsync(IReadOnlyList<string> nodes, CancellationToken cancellationToken) => Note("kill together " + string.Join(",", nodes));

        private Task Note(string call)
        {
            lock (Calls) Calls.Add(call);
            return Task.CompletedTask;
        }
    }

    [Test]
    public async Task ACoordinatedKillGoesOutInOneRequestWhenTheClusterCanDoThat()
    {
        var cluster = new TogetherCluster();
        var nemesis = NodeFaultNemesis.Kill(cluster, null, Five);
        Assert.That(await nemesis.InvokeAsync("start-kill", new object?[] { "majority", "n5", "n1", "n2", "n3", "n4" }, default),
            Is.EqualTo("kill n5, n1, n2 (in one request)"));
        await nemesis.InvokeAsync("start-kill", "n4", default);
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "kill together n5,n1,n2", "kill n4" }));
    }

    [Test]
    public async Task StopSignalsTheProcessAndContinuesItAtTheEnd()
    {
        var cluster = new FakeFaultCluster(Five) { Primary = "n2" };
        var nemesis = NodeFaultNemesis.Stop(cluster, cluster, Five);
        await nemesis.InvokeAsync("start-stop", "primary", default);
        await nemesis.HealAllAsync(default);
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "sigstop n2", "sigcont n2" }));
    }

    [Test]
    public async Task KillRecoveryKillsRestartsAndKillsAgainBeforeTheFinalStart()
    {
        var cluster = new FakeFaultCluster(Five);
        var nemesis = new KillRecoveryNemesis(cluster, cluster, Five, TimeSpan.FromMilliseconds(10));
        var result = (string?)await nemesis.InvokeAsync("start-kill-recovery", "n4", default);
        Assert.That(result, Does.Contain("killed again 10 ms into recovery"));
        await nemesis.InvokeAsync("stop-kill-recovery", null, default);
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "kill n4", "start n4", "kill n4", "start n4" }));
    }
}
