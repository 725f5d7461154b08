using Harness.Checkers.Leaderless;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Leaderless;

public class AcceptedWriteCheckerTests
{
    private const string Accepted = IReplicaObservable.AcceptedNotStoredPrefix + ": refused by the object servers as older (last-writer-wins)";

    private static object?[] Kv(long key, long? value) => [key, value];

    private static CheckResult Check(ScriptedHistory h, IReadOnlyDictionary<long, long?>? finals = null) =>
        new AcceptedWriteChecker(finals).Check(h.Build(), CheckContext.Default);

    /// <summary>Key 0: 1 written via swift1 (0-10 ms, 201), then 2 via swift3 (20-30 ms) answered 202.</summary>
    private static ScriptedHistory RefusedAfterAnEarlierWrite()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 10, "swift1");
        return h.Call(1, "write", Kv(0, 2), 20, 30, OpType.Ok, ScriptedHistory.Same, "swift3", Accepted);
    }

    [Test]
    public void AnAcceptedWriteNeverReadAfterAnEarlierOneIsFlagged()
    {
        var h = RefusedAfterAnEarlierWrite();
        h.Call(2, "read", Kv(0, null), 40, 50, returned: Kv(0, 1), node: "swift2");
        var r = Check(h, new Dictionary<long, long?> { [0] = 1 });
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid), r.Summary);
        Assert.That(r.Stats["accepted-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["accepted-not-stored-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["accepted-lost-count"], Is.EqualTo(1L));
        Assert.That(r.AnomalyCounts["accepted-not-stored"], Is.EqualTo(1L));
        Assert.That(r.Anomalies.Single().Explanation, Does.Contain("write of 2 via swift3").And.Contain("last write stored before it was 1 via swift1"));
    }

    [Test]
    public void WithoutAnyReadOrFinalValueTheAcceptedWriteIsStillNotStored()
    {
        var r = Check(RefusedAfterAnEarlierWrite());
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["accepted-not-stored-count"], Is.EqualTo(1L));
    }

    [Test]
    public void AnAcceptedWriteThatAReadReturnedWasStored()
    {
        var h = RefusedAfterAnEarlierWrite();
        h.Call(2, "read", Kv(0, null), 40, 50, returned: Kv(0, 2), node: "swift3");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["accepted-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["accepted-seen-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["accepted-not-stored-count"], Is.EqualTo(0L));
    }

    [Test]
    public void AnAcceptedWriteThatIsTheFinalValueWasStored()
    {
        var r = Check(RefusedAfterAnEarlierWrite(), new Dictionary<long, long?> { [0] = 2 });
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid));
        Assert.That(r.Stats["accepted-not-stored-count"], Is.EqualTo(0L));
    }

    [Test]
    public void AnAcceptedWriteThatOverlappedAnotherWriteLostToAConcurrentWrite()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 30, "swift1");
        h.Call(1, "write", Kv(0, 2), 10, 25, OpType.Ok, ScriptedHistory.Same, "swift2", Accepted);
        h.Call(2, "read", Kv(0, null), 40, 50, returned: Kv(0, 1), node: "swift2");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["accepted-not-stored-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["accepted-overlapping-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["accepted-lost-count"], Is.EqualTo(0L));
        Assert.That(r.Anomalies, Is.Empty);
    }

    [Test]
    public void CreatedWritesNeverReadAreNotThisCheckersBusiness()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 10, "swift1").Done(1, "write", Kv(0, 2), 20, 30, "swift2");
        h.Call(2, "write", Kv(0, 3), 40, 50, OpType.Fail, ScriptedHistory.Same, "swift3", "HTTP 404");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid));
        Assert.That(r.Stats["accepted-count"], Is.EqualTo(0L));
        Assert.That(r.Summary, Does.Contain("no write was answered 202"));
    }
}
