using Harness.Core.Faults;
using Harness.Docker;
using NUnit.Framework;

namespace Harness.Core.Tests.Docker;

[TestFixture]
public sealed class PartitionRulesTests
{
    private static readonly string[] Nodes = ["n1", "n2", "n3"];

    private static string Ip(string node) => "10.0.0." + node[1..];

    private static Dictionary<string, List<string>> Lines(Grudge grudge) =>
        PartitionRules.Commands(grudge, Ip).ToDictionary(kv => kv.Key, kv => kv.Value.Select(c => string.Join(' ', c)).ToList());

    [Test]
    public void IsolatingANodeCutsItsLinksOnBothEnds()
    {
        var lines = Lines(Grudge.Isolate(Nodes, "n3"));
        Assert.That(lines["n3"], Is.EqualTo(new[]
        {
            "iptables -w -A INPUT -s 10.0.0.1 -j DROP", "iptables -w -A OUTPUT -d 10.0.0.1 -j DROP",
            "iptables -w -A INPUT -s 10.0.0.2 -j DROP", "iptables -w -A OUTPUT -d 10.0.0.2 -j DROP",
        }));
        Assert.That(lines["n1"], Is.EqualTo(new[] { "iptables -w -A INPUT -s 10.0.0.3 -j DROP", "iptables -w -A OUTPUT -d 10.0.0.3 -j DROP" }));
        Assert.That(lines["n2"], Is.EqualTo(new[] { "iptables -w -A INPUT -s 10.0.0.3 -j DROP", "iptables -w -A OUTPUT -d 10.0.0.3 -j DROP" }));
    }

    [Test]
    public void NodesThatDropNobodyGetNoCommands()
    {
        var lines = Lines(Grudge.Bridge(Nodes));
        Assert.That(lines.Keys, Is.EquivalentTo(new[] { "n1", "n3" }));
        Assert.That(lines["n1"], Has.Exactly(1).EqualTo("iptables -w -A INPUT -s 10.0.0.3 -j DROP"));
        Assert.That(lines["n1"].Any(l => l.Contains("10.0.0.2", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void AOneWayGrudgeOnlyChangesTheDroppingNode()
    {
        var grudge = new Grudge(new Dictionary<string, IReadOnlySet<string>> { ["n2"] = new HashSet<string> { "n1" } });
        var lines = Lines(grudge);
        Assert.That(lines.Keys, Is.EqualTo(new[] { "n2" }));
        Assert.That(PartitionRules.Script(PartitionRules.Commands(grudge, Ip)["n2"]),
            Is.EqualTo("iptables -w -A INPUT -s 10.0.0.1 -j DROP && iptables -w -A OUTPUT -d 10.0.0.1 -j DROP"));
    }

    [Test]
    public void ANodeNeverDropsItself()
    {
        var grudge = new Grudge(new Dictionary<string, IReadOnlySet<string>> { ["n1"] = new HashSet<string> { "n1" } });
        Assert.That(PartitionRules.Commands(grudge, Ip), Is.Empty);
    }

    [Test]
    public void HealingFlushesTheFilterTable() =>
        Assert.That(string.Join(' ', PartitionRules.HealCommand), Is.EqualTo("iptables -w -F"));
}
