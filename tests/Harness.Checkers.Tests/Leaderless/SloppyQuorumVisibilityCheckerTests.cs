using Harness.Checkers.Leaderless;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Leaderless;

public class SloppyQuorumVisibilityCheckerTests
{
    private static readonly string[] Nodes = ["n1", "n2", "n3"];

    private static object?[] Kv(long key, long? value) => [key, value];

    /// <summary>n1 isolated from 0 to 100 ms; a write of 2 via n2 acknowledged at 10 ms (after 1 written at -20..-10).</summary>
    private static ScriptedHistory Partitioned()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0.5, 0.8, "n2");
        h.Call(Op.NemesisProcess, "start-partition", new object?[] { "isolate", "n1" }, 1, 1, OpType.Info, "n1 isolated");
        h.Done(0, "write", Kv(0, 2), 5, 10, "n2");
        h.Call(Op.NemesisProcess, "stop-partition", null, 100, 100, OpType.Info, "healed");
        return h;
    }

    private static CheckResult Check(ScriptedHistory h) => new SloppyQuorumVisibilityChecker(Nodes).Check(h.Build(), CheckContext.Default);

    [Test]
    public void AReadAcrossThePartitionMissingAnAcknowledgedWriteIsCounted()
    {
        var h = Partitioned();
        h.Call(1, "read", Kv(0, null), 20, 25, returned: Kv(0, 1), node: "n1");
        h.Call(2, "read", Kv(0, null), 30, 35, returned: Kv(0, null), node: "n1");
        var r = Check(h);
        Assert.That(r.Stats["invisible-count"], Is.EqualTo(2L));
        Assert.That(r.AnomalyCounts["invisible-write"], Is.EqualTo(2L));
        Assert.That(r.Anomalies[0].Explanation, Does.Contain("via n1, on the other side"));
    }

    [Test]
    public void ReadsOnTheWritersSideOrAfterHealAreNotCounted()
    {
        var h = Partitioned();
        h.Call(1, "read", Kv(0, null), 20, 25, returned: Kv(0, 2), node: "n3");
        h.Call(2, "read", Kv(0, null), 30, 35, returned: Kv(0, 1), node: "n3");
        h.Call(3, "read", Kv(0, null), 120, 125, returned: Kv(0, 1), node: "n1");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid));
        Assert.That(r.Stats["invisible-count"], Is.EqualTo(0L));
        Assert.That(r.Stats["cross-partition-read-count"], Is.EqualTo(0L));
    }

    [Test]
    public void ACrossReadThatSeesTheWriteIsClean()
    {
        var h = Partitioned();
        h.Call(1, "read", Kv(0, null), 20, 25, returned: Kv(0, 2), node: "n1");
        var r = Check(h);
        Assert.That(r.Stats["invisible-count"], Is.EqualTo(0L));
        Assert.That(r.Stats["cross-partition-read-count"], Is.EqualTo(1L));
    }

    /// <summary>The nightly's sloppy-quorum run: the majority side kept reading the value of a write answered 503 (Info)
    /// long before the minority side's acknowledged write; stamped before its answer, that value is certainly older.</summary>
    [Test]
    public void AValueFromAnEarlierWriteOfUnknownOutcomeDoesNotHideTheMiss()
    {
        var h = Partitioned();
        h.Call(3, "write", Kv(0, 7), 0.1, 0.4, OpType.Info, ScriptedHistory.Same, "n3", "HTTP 503");
        h.Call(1, "read", Kv(0, null), 20, 25, returned: Kv(0, 7), node: "n1");
        Assert.That(Check(h).Stats["invisible-count"], Is.EqualTo(1L));
    }

    [Test]
    public void AValueFromAWriteThatNeverCompletedMayBeNewer()
    {
        var h = Partitioned();
        h.Open(3, "write", Kv(0, 7), 0.1, "n3");
        h.Call(1, "read", Kv(0, null), 20, 25, returned: Kv(0, 7), node: "n1");
        Assert.That(Check(h).Stats["invisible-count"], Is.EqualTo(0L));
    }

    [Test]
    public void WithoutAPartitionThereIsNothingToMeasure()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 2), 5, 10, "n2");
        h.Call(1, "read", Kv(0, null), 20, 25, returned: Kv(0, null), node: "n1");
        Assert.That(Check(h).Validity, Is.EqualTo(Validity.Unknown));
    }
}
