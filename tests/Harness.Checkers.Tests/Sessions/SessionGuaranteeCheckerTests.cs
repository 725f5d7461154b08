using Harness.Checkers.Sessions;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Sessions;

/// <summary>Each session guarantee on histories it must accept and histories it must reject.</summary>
public class SessionGuaranteeCheckerTests
{
    private static CheckResult Check(ScriptedHistory h) => new SessionGuaranteeChecker().Check(h.Build(), CheckContext.Default);

    private static ScriptedHistory Read(ScriptedHistory h, int process, object? returned, double from, double to, string node) =>
        h.Call(process, "read", null, from, to, returned: returned, node: node);

    [Test]
    public void ALinearizableHistoryViolatesNothing()
    {
        var h = new ScriptedHistory().Done(0, "write", 1L, 0, 10, "pg1");
        Read(h, 0, 1L, 12, 14, "pg2");
        h.Done(1, "write", 2L, 20, 30, "pg1");
        Read(h, 0, 2L, 32, 34, "pg2");
        Read(h, 1, 2L, 40, 44, "pg3");
        Read(h, 2, 1L, 25, 29, "pg3"); // concurrent with write 2: either value is fine
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["session-violation-count"], Is.EqualTo(0L));
    }

    [Test]
    public void ReadingOlderThanYourOwnAcknowledgedWriteBreaksReadYourWrites()
    {
        var h = new ScriptedHistory().Done(1, "write", 1L, 0, 10, "pg1").Done(0, "write", 2L, 20, 30, "pg1");
        Read(h, 0, 1L, 40, 50, "pg2");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["read-your-writes-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["max-behind-ms"], Is.EqualTo(10.0));
        Assert.That(r.Anomalies[0].Explanation, Does.Contain("process 0 read 1 from pg2 after its own write 2 was acknowledged"));
    }

    [Test]
    public void ReadingNilAfterYourOwnWriteBreaksReadYourWrites()
    {
        var h = new ScriptedHistory().Done(0, "write", 7L, 0, 10, "pg1");
        Read(h, 0, null, 20, 30, "pg2");
        Assert.That(Check(h).Stats["read-your-writes-count"], Is.EqualTo(1L));
    }

    [Test]
    public void ASessionReadingBackwardsBreaksMonotonicReads()
    {
        var h = new ScriptedHistory().Done(1, "write", 1L, 0, 10, "pg1").Done(1, "write", 2L, 20, 30, "pg1");
        Read(h, 0, 2L, 40, 45, "pg2");
        Read(h, 0, 1L, 50, 55, "pg3");
        var r = Check(h);
        Assert.That(r.Stats["monotonic-reads-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["read-your-writes-count"], Is.EqualTo(0L), "the reader wrote nothing");
    }

    [Test]
    public void ANodeShowingOneSessionsWritesOutOfOrderBreaksMonotonicWrites()
    {
        var h = new ScriptedHistory().Done(1, "write", 1L, 0, 10, "pg1").Done(1, "write", 2L, 20, 30, "pg1");
        Read(h, 2, 2L, 40, 45, "pg2");
        Read(h, 3, 1L, 50, 55, "pg2");
        var r = Check(h);
        Assert.That(r.Stats["monotonic-writes-count"], Is.EqualTo(1L), r.Summary);
        Assert.That(r.Stats["monotonic-reads-count"], Is.EqualTo(0L), "two different sessions");
    }

    [Test]
    public void AWriteVisibleBeforeTheReadItFollowedBreaksWritesFollowReads()
    {
        var h = new ScriptedHistory().Done(1, "write", 1L, 0, 10, "pg1");
        Read(h, 4, 1L, 12, 14, "pg1");
        h.Done(4, "write", 2L, 20, 30, "pg1");
        Read(h, 2, 2L, 40, 45, "pg2");
        Read(h, 3, 1L, 50, 55, "pg2");
        Assert.That(Check(h).Stats["writes-follow-reads-count"], Is.EqualTo(1L));
    }

    [Test]
    public void UnrelatedWritesSeenOutOfOrderBreakConsistentPrefix()
    {
        var h = new ScriptedHistory().Done(1, "write", 1L, 0, 10, "pg1").Done(5, "write", 2L, 20, 30, "pg1");
        Read(h, 2, 2L, 40, 45, "pg2");
        Read(h, 3, 1L, 50, 55, "pg2");
        var r = Check(h);
        Assert.That(r.Stats["consistent-prefix-count"], Is.EqualTo(1L), r.Summary);
        Assert.That(r.AnomalyCounts.Keys, Is.EquivalentTo(new[] { "consistent-prefix" }));
    }

    [Test]
    public void NilReadsBeforeAnyWriteAreFineAndNilAfterANewerReadGoesBack()
    {
        var h = new ScriptedHistory();
        Read(h, 0, null, 0, 5, "pg2");
        Read(h, 0, null, 6, 8, "pg2");
        h.Done(1, "write", 1L, 10, 20, "pg1");
        Read(h, 2, 1L, 25, 30, "pg2");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Read(h, 2, null, 35, 40, "pg2");
        var bad = Check(h);
        Assert.That(bad.Stats["monotonic-reads-count"], Is.EqualTo(1L), bad.Summary);
        Assert.That(bad.Stats["consistent-prefix-count"], Is.EqualTo(1L), "pg2's view went back to nil");
    }
}
