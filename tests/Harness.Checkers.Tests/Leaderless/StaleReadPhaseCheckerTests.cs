using Harness.Checkers.Leaderless;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Leaderless;

public class StaleReadPhaseCheckerTests
{
    private static readonly string[] Nodes = ["n1", "n2", "n3"];

    private static object?[] Kv(long key, long? value) => [key, value];

    /// <summary>1 written before n1 is isolated (rules from 1 ms, in force 2-100 ms); 2 written via n2 at 5-10 ms.</summary>
    private static ScriptedHistory Partitioned()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 0.5, "n2");
        h.Open(Op.NemesisProcess, "start-partition", new object?[] { "isolate", "n1" }, 1);
        h.Nemesis("start-partition", 2, "n1 isolated");
        h.Done(0, "write", Kv(0, 2), 5, 10, "n2");
        h.Open(Op.NemesisProcess, "stop-partition", null, 99);
        h.Nemesis("stop-partition", 100, "healed");
        return h;
    }

    private static CheckResult Check(ScriptedHistory h) => new StaleReadPhaseChecker(Nodes).Check(h.Build(), CheckContext.Default);

    [Test]
    public void AnOldValueReadAfterTheHealIsAStaleReadAfterHeal()
    {
        var h = Partitioned();
        h.Call(1, "read", Kv(0, null), 120, 125, returned: Kv(0, 1), node: "n1");
        h.Call(2, "read", Kv(0, null), 130, 135, returned: Kv(0, 2), node: "n2");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["stale-after-heal-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["reads-after-heal-count"], Is.EqualTo(2L));
        Assert.That(r.AnomalyCounts["stale-after-heal"], Is.EqualTo(1L));
        Assert.That(r.Anomalies.Single().Explanation, Does.Contain("read via n1").And.Contain("20 ms after a heal").And.Contain("write of 2 via n2"));
    }

    [Test]
    public void StaleReadsInThePartitionAreCountedApart()
    {
        var h = Partitioned();
        h.Call(1, "read", Kv(0, null), 20, 25, returned: Kv(0, 1), node: "n1");
        h.Call(2, "read", Kv(0, null), 1.5, 3, returned: Kv(0, 1), node: "n1");
        var r = Check(h);
        Assert.That(r.Stats["stale-during-partition-count"], Is.EqualTo(1L), "1 read before 2 was acknowledged is not stale");
        Assert.That(r.Stats["reads-during-partition-count"], Is.EqualTo(2L));
        Assert.That(r.Stats["stale-after-heal-count"], Is.EqualTo(0L));
        Assert.That(r.AnomalyCounts, Is.Empty);
    }

    [Test]
    public void AReadOfNothingAfterAnAcknowledgedWriteIsStale()
    {
        var h = Partitioned();
        h.Call(1, "read", Kv(0, null), 150, 160, returned: Kv(0, null), node: "n1");
        Assert.That(Check(h).Stats["stale-after-heal-count"], Is.EqualTo(1L));
    }

    [Test]
    public void AValueFromAWriteConcurrentWithTheNewestIsNotStale()
    {
        var h = Partitioned();
        h.Done(1, "write", Kv(0, 3), 8, 20, "n3");
        h.Call(2, "read", Kv(0, null), 120, 125, returned: Kv(0, 3), node: "n1");
        h.Call(3, "read", Kv(0, null), 130, 135, returned: Kv(0, 2), node: "n1");
        var r = Check(h);
        Assert.That(r.Stats["stale-after-heal-count"], Is.EqualTo(0L), r.Summary);
    }

    [Test]
    public void AValueFromAnEarlierWriteOfUnknownOutcomeIsStaleOnceANewerOneWasAcknowledged()
    {
        var h = Partitioned();
        h.Call(3, "write", Kv(0, 7), 0.6, 0.9, OpType.Info, ScriptedHistory.Same, "n3", "HTTP 503");
        h.Call(1, "read", Kv(0, null), 120, 125, returned: Kv(0, 7), node: "n1");
        Assert.That(Check(h).Stats["stale-after-heal-count"], Is.EqualTo(1L));
    }

    [Test]
    public void WithoutAPartitionThereIsNothingToMeasure()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 1, "n2").Done(0, "write", Kv(0, 2), 5, 10, "n2");
        h.Call(1, "read", Kv(0, null), 20, 25, returned: Kv(0, 1), node: "n1");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(r.Stats["stale-calm-count"], Is.EqualTo(1L));
    }
}
