using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

public class PartitionFailoverNemesisTests
{
    /// <summary>Records what the nemesis asks of the cluster, in order.</summary>
    private sealed class Recorder : IPartitionable, IPromotable, IHasPrimary
    {
        public List<string> Calls { get; } = [];
        public string Primary { get; set; } = "n1";
        public Task ApplyGrudgeAsync(Grudge grudge, CancellationToken ct) { Calls.Add("grudge " + grudge); return Task.CompletedTask; }
        public Task HealNetworkAsync(CancellationToken ct) { Calls.Add("heal"); return Task.CompletedTask; }
        public Task<string> FailoverAsync(string? target, CancellationToken ct) { Calls.Add("failover"); Primary = "n2"; return Task.FromResult("n2 promoted"); }
        public Task<string> RejoinAsync(CancellationToken ct) { Calls.Add("rejoin"); return Task.FromResult("n1 rejoined"); }
        public Task<string?> PrimaryAsync(CancellationToken ct) => Task.FromResult<string?>(Primary);
    }

    [Test]
    public async Task CutsThePrimaryOffThenFailsOverAndHealsBeforeRejoining()
    {
        var cluster = new Recorder();
        var nemesis = new PartitionFailoverNemesis(cluster, cluster, cluster, ["n1", "n2", "n3"], TimeSpan.FromSeconds(3));

        var started = await nemesis.InvokeAsync("start-partition-failover", null, CancellationToken.None);
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "grudge n1 drops n2/n3, n2 drops n1, n3 drops n1", "failover" }));
        Assert.That(started as string, Does.StartWith("n1 cut off from its standbys").And.Contain("n2 promoted"));

        await nemesis.InvokeAsync("stop-partition-failover", null, CancellationToken.None);
        Assert.That(cluster.Calls[^2..], Is.EqualTo(new[] { "heal", "rejoin" }), "the network heals before the old primary rewinds");
    }
}
