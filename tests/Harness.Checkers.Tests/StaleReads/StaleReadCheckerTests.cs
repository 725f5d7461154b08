using Harness.Checkers.StaleReads;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.StaleReads;

public class StaleReadCheckerTests
{
    private static CheckResult Check(ScriptedHistory h) => new StaleReadChecker().Check(h.Build(), CheckContext.Default);

    private static ScriptedHistory Read(ScriptedHistory h, int process, object? returned, double from, double to, string node = "pg1") =>
        h.Call(process, "read", null, from, to, returned: returned, node: node);

    [Test]
    public void SequentialReadsOfTheLatestWriteAreValid()
    {
        var h = new ScriptedHistory().Done(0, "write", 1L, 0, 10);
        Read(h, 1, 1L, 12, 14);
        h.Done(0, "write", 2L, 20, 30);
        Read(h, 1, 2L, 40, 50);
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["read-count"], Is.EqualTo(2L));
        Assert.That(r.Stats["stale-count"], Is.EqualTo(0L));
    }

    [Test]
    public void FollowerReturningAnOverwrittenValueIsStale()
    {
        var h = new ScriptedHistory().Done(0, "write", 1L, 0, 10, "pg1").Done(0, "write", 2L, 20, 30, "pg1");
        Read(h, 1, 1L, 40, 50, "pg2");
        var history = h.Build();
        var r = new StaleReadChecker().Check(history, CheckContext.Default);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["stale-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["max-staleness-ms"], Is.EqualTo(10.0));
        Assert.That(r.AnomalyCounts["stale-read"], Is.EqualTo(1L));
        var a = r.Anomalies.Single();
        Assert.That(a.Explanation, Is.EqualTo(
            "read at 0.040 s on pg2 returned 1 (written by write 1, acknowledged at 0.010 s), but write 2 began after that " +
            "and was acknowledged at 0.030 s, before the read began: 10 ms stale"));
        Assert.That(a.OpIndices, Is.EquivalentTo(new long[] { 0, 1, 2, 3, 4, 5 }));
        var stale = (object?[])((IReadOnlyDictionary<string, object?>)r.Details!)["stale"]!;
        Assert.That(stale, Is.EqualTo(new object?[] { new object?[] { ScriptedHistory.Ns(40), ScriptedHistory.Ns(10), "pg2" } }));
    }

    [Test]
    public void ConcurrentOverlappingWritesAreNotStale()
    {
        // write 1 spans write 2, so either may linearize last: reading 1 or 2 afterwards is fine.
        var h = new ScriptedHistory().Done(0, "write", 1L, 0, 30).Done(1, "write", 2L, 10, 20);
        Read(h, 2, 1L, 40, 50);
        Read(h, 3, 2L, 40, 50);
        Assert.That(Check(h).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void ReadConcurrentWithTheOverwriteIsNotStale()
    {
        var h = new ScriptedHistory().Done(0, "write", 1L, 0, 10).Done(0, "write", 2L, 20, 30);
        Read(h, 1, 1L, 25, 35);
        Assert.That(Check(h).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void InfoWriteObservedLaterIsNotStale()
    {
        // The timed-out write of 1 may have taken effect after write 2, so a later read of 1 is linearizable.
        var h = new ScriptedHistory()
            .Call(0, "write", 1L, 0, 5, OpType.Info, 1L, "pg1", "timeout")
            .Done(1, "write", 2L, 10, 20);
        Read(h, 2, 1L, 30, 40);
        Read(h, 3, 1L, 50, 60);
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
    }

    [Test]
    public void ReadOfInitialNilAfterAnAcknowledgedWriteIsStale()
    {
        var h = new ScriptedHistory().Done(0, "write", 1L, 0, 10);
        Read(h, 1, null, 5, 8);     // concurrent with the write: fine
        Read(h, 1, null, 30, 40);   // 20 ms after the write was acknowledged
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["stale-count"], Is.EqualTo(1L));
        Assert.That(r.Anomalies.Single().Explanation, Does.Contain("returned nil (the initial value)").And.EndWith("20 ms stale"));
    }

    [Test]
    public void CasCountsAsBothSourceAndOverwrite()
    {
        var h = new ScriptedHistory()
            .Done(0, "write", 1L, 0, 10)
            .Done(0, "cas", new object?[] { 1L, 2L }, 20, 30)
            .Done(0, "write", 3L, 40, 50);
        Read(h, 1, 1L, 35, 36);   // cas 1->2 acknowledged before: stale
        Read(h, 1, 2L, 60, 61);   // write 3 acknowledged before: stale
        var r = Check(h);
        Assert.That(r.Stats["stale-count"], Is.EqualTo(2L));
        Assert.That(r.Anomalies.Select(a => a.Explanation), Has.Some.Contain("but cas 1->2 began after that"));
        Assert.That(r.Anomalies.Select(a => a.Explanation), Has.Some.Contain("written by cas 1->2"));
    }

    [Test]
    public void FailedCasDoesNotOverwrite()
    {
        var h = new ScriptedHistory()
            .Done(0, "write", 1L, 0, 10)
            .Call(0, "cas", new object?[] { 5L, 2L }, 20, 30, OpType.Fail);
        Read(h, 1, 1L, 40, 41);
        Assert.That(Check(h).Validity, Is.EqualTo(Validity.Valid));
    }
}
