using Harness.Core.Faults;
using Harness.Docker;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>The shell scripts of the new fault mechanisms, as text: what they ask of iptables, nfqdelay and libfaketime.</summary>
public class FaultScriptTests
{
    [Test]
    public void PacketFaultsUseTheirOwnChainAndQueueAndSkipLoopback()
    {
        var script = PacketFaultRules.ApplyScript(["10.0.0.12", "10.0.0.11"], new PacketFault { DelayMs = 20, JitterMs = 5, Distribution = "normal", DuplicatePercent = 10, ReorderPercent = 25 });
        Assert.That(script, Does.Contain("iptables -w -t mangle -A HARNESS_PACKET ! -i lo -s 10.0.0.11 -j NFQUEUE --queue-num 2 --queue-bypass"));
        Assert.That(script.IndexOf("10.0.0.11", StringComparison.Ordinal), Is.LessThan(script.IndexOf("10.0.0.12", StringComparison.Ordinal)), "stable order");
        Assert.That(script, Does.Contain("nfqdelay -q 2 -d 20 -j 5 -D normal -l 0 -u 10 -o 25 -c 0 -r 0"));
        Assert.That(script, Does.Not.Contain("HARNESS_DELAY").And.Not.Contain("iptables -w -F"), "delays and partitions are left alone");
        Assert.That(PacketFaultRules.ClearScript, Does.Contain("-F HARNESS_PACKET").And.EndWith("true"));
        Assert.That(() => PacketFaultRules.ApplyScript(["10.0.0.11"], new PacketFault { ReorderPercent = 5 }), Throws.ArgumentException);
    }

    [Test]
    public void OneWayRulesDropOnlyInbound()
    {
        var script = OneWayPartitions.ApplyScript(["10.0.0.13"]);
        Assert.That(script, Does.Contain("iptables -w -A HARNESS_ONEWAY -s 10.0.0.13 -j DROP"));
        Assert.That(script, Does.Not.Contain("OUTPUT"));
    }

    [Test]
    public void ClockScriptsWriteTheOffsetFileAtomically()
    {
        Assert.That(Faketime.BumpScript(-2.5), Does.Contain("echo -2.5 > /run/harness-clock/offset.tmp && mv -f /run/harness-clock/offset.tmp /run/harness-clock/offset"));
        Assert.That(Faketime.BumpScript(3600), Does.Contain("echo +3600 >"));
        var strobe = Faketime.StrobeScript(0.2, 10, 4);
        Assert.That(strobe, Does.Contain("echo +0.2 >").And.Contain("sleep 0.01").And.Contain("+ 4 ))").And.Contain("exit 0' "));
        Assert.That(Faketime.SkewScript(1.5), Does.Contain("* 500000 / 1000000"));
        Assert.That(Faketime.SkewScript(0.5), Does.Contain("* -500000 / 1000000"));
        Assert.That(Faketime.ResetScript, Does.Contain("rm -f /run/harness-clock/loop").And.Contain("echo +0 >"));
        Assert.That(Faketime.EnvArguments, Does.Contain("LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1").And.Contain("FAKETIME_NO_CACHE=1"));
    }

    [Test]
    public void ClockOffsetIsFakedMinusTrueTime()
    {
        Assert.That(Faketime.ParseOffset("1764600000.250000000\n1764603600.750000000\n"), Is.EqualTo(3600.5).Within(1e-3));
        Assert.That(Faketime.ParseOffset("garbage"), Is.Null);
    }

    [Test]
    public void DiskFillMountsASizedTmpfs()
    {
        Assert.That(DiskFill.RunArguments("/var/lib/postgresql/data", 96), Is.EqualTo(new[] { "--tmpfs", "/var/lib/postgresql/data:rw,size=96m,mode=0700" }));
    }
}
