using Harness.Docker;
using NUnit.Framework;

namespace Harness.Core.Tests.Docker;

[TestFixture]
public sealed class DelayRulesTests
{
    [Test]
    public void QueuesEachPeerInTheMangleTableAndStartsTheDelayer()
    {
        var script = DelayRules.ApplyScript(["10.0.0.13", "10.0.0.11", "10.0.0.11"], 300, 30);
        var lines = script.Split('\n');
        Assert.That(lines[0], Is.EqualTo(DelayRules.ClearScript), "an earlier delay is replaced, not stacked");
        Assert.That(lines, Does.Contain("set -e"));
        Assert.That(script, Does.Contain("nfqdelay -q 1 -d 300 -j 30"));
        var queued = lines.Where(l => l.Contains("NFQUEUE", StringComparison.Ordinal)).ToList();
        Assert.That(queued, Is.EqualTo(new[]
        {
            "iptables -w -t mangle -A HARNESS_DELAY -s 10.0.0.11 -j NFQUEUE --queue-num 1 --queue-bypass",
            "iptables -w -t mangle -A HARNESS_DELAY -s 10.0.0.13 -j NFQUEUE --queue-num 1 --queue-bypass",
        }));
        Assert.That(lines.Count(l => l.Contains("-I INPUT 1 -j HARNESS_DELAY", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(script, Does.Not.Contain(" -F INPUT").And.Not.Contain("iptables -w -F"), "never touches the filter table of partitions");
    }

    [Test]
    public void ClearingOnlyEmptiesItsOwnChainAndStopsTheDelayerByPid()
    {
        Assert.That(DelayRules.ClearScript, Does.Contain("-t mangle -F HARNESS_DELAY"));
        Assert.That(DelayRules.ClearScript, Does.Contain("kill $(cat /run/harness-nfqdelay.pid)"));
        Assert.That(DelayRules.ClearScript, Does.Not.Contain("pkill").And.Not.Contain("killall"));
        Assert.That(DelayRules.ClearScript.TrimEnd(), Does.EndWith("true"), "clearing a node without a delay succeeds");
        Assert.That(PartitionRules.HealCommand, Is.EqualTo(new[] { "iptables", "-w", "-F" }), "the partition heal flushes the filter table only");
    }

    [Test]
    public void RefusesNonsense()
    {
        Assert.Throws<ArgumentException>(() => DelayRules.ApplyScript([], 300, 30));
        Assert.Throws<ArgumentException>(() => DelayRules.ApplyScript(["10.0.0.1"], 100, 200));
        Assert.Throws<ArgumentException>(() => DelayRules.ApplyScript(["10.0.0.1"], -1, 0));
    }
}
