using Harness.Checkers.Sets;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Sets;

public class SetCheckerTests
{
    private static readonly string[] Nodes = ["pg1", "pg2", "pg3"];

    /// <summary>Adds 1..5 acknowledged (element e over [10e, 10e+5] ms, process e), then the given final reads.</summary>
    private static ScriptedHistory FiveAcknowledged()
    {
        var h = new ScriptedHistory();
        for (var e = 1; e <= 5; e++) h.Done(e, "add", (long)e, 10 * e, 10 * e + 5, "pg1");
        return h;
    }

    private static ScriptedHistory FinalReads(ScriptedHistory h, params long[][] perNode)
    {
        for (var i = 0; i < perNode.Length; i++)
            h.Call(100 + i, "read", null, 1000 + 10 * i, 1005 + 10 * i, returned: perNode[i].Cast<object?>().ToArray(), node: Nodes[i]);
        return h;
    }

    private static CheckResult Check(ScriptedHistory h) => new SetChecker().Check(h.Build(), CheckContext.Default);

    [Test]
    public void EveryAcknowledgedElementInEveryFinalReadIsValid()
    {
        var r = Check(FinalReads(FiveAcknowledged(), [1, 2, 3, 4, 5], [5, 4, 3, 2, 1], [1, 2, 3, 4, 5]));
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["ok-count"], Is.EqualTo(5L));
        Assert.That(r.Stats["final-read-count"], Is.EqualTo(3L));
        Assert.That(r.Anomalies, Is.Empty);
    }

    [Test]
    public void StatsKeysAreExactlyTheDocumentedOnes()
    {
        var r = Check(FinalReads(FiveAcknowledged(), [1, 2, 3, 4, 5]));
        Assert.That(r.Stats.Keys, Is.EquivalentTo(new[]
        {
            "attempt-count", "acknowledged-count", "ok-count", "lost-count", "divergent-count", "acknowledged-divergent-count",
            "unexpected-count", "recovered-count", "failed-but-present-count", "final-read-count",
        }));
    }

    [Test]
    public void AcknowledgedElementMissingEverywhereIsALostWrite()
    {
        var h = FinalReads(FiveAcknowledged(), [1, 3, 4, 5], [1, 3, 4, 5], [1, 3, 4, 5]);
        var history = h.Build();
        var r = new SetChecker().Check(history, CheckContext.Default);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["lost-count"], Is.EqualTo(1L));
        Assert.That(r.AnomalyCounts["lost-write"], Is.EqualTo(1L));
        var a = r.Anomalies.Single();
        Assert.That(a.Kind, Is.EqualTo("lost-write"));
        Assert.That(a.Explanation, Is.EqualTo("add 2 was acknowledged at 0.025 s by pg1 but is missing from the final reads of pg1, pg2, pg3"));
        var addInvoke = history.Ops.Single(o => o.F == "add" && o.IsInvoke && Equals(o.Value, 2L));
        Assert.That(a.OpIndices, Does.Contain(addInvoke.Index).And.Contain(history.PartnerOf((int)addInvoke.Index)));
        Assert.That(a.OpIndices, Has.Count.EqualTo(2 + 3 * 2));
        var lost = (object?[])((IReadOnlyDictionary<string, object?>)r.Details!)["lost"]!;
        Assert.That(lost, Is.EqualTo(new object?[] { new object?[] { 2L, ScriptedHistory.Ns(25) } }));
    }

    [Test]
    public void ElementMissingFromOneNodeIsDivergentAndNamesThatNode()
    {
        var r = Check(FinalReads(FiveAcknowledged(), [1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 3, 5]));
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["divergent-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["acknowledged-divergent-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["lost-count"], Is.EqualTo(0L));
        var a = r.Anomalies.Single();
        Assert.That(a.Kind, Is.EqualTo("divergent"));
        Assert.That(a.Explanation, Does.Contain("add 4").And.Contain("those of pg3, made after the acknowledgement, do not").And.Contain("pg1, pg2 contain it"));
    }

    [Test]
    public void ElementNeverAddedIsUnexpected()
    {
        var r = Check(FinalReads(FiveAcknowledged(), [1, 2, 3, 4, 5, 77]));
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["unexpected-count"], Is.EqualTo(1L));
        Assert.That(r.Anomalies.Single().Explanation, Is.EqualTo("element 77 was never added, yet the final reads of pg1 contain it"));
    }

    [Test]
    public void FailedAddThatIsPresentIsAnAnomaly()
    {
        var h = FiveAcknowledged().Call(9, "add", 9L, 60, 65, OpType.Fail, 9L, "pg2", "serialization failure");
        var r = Check(FinalReads(h, [1, 2, 3, 4, 5, 9]));
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["failed-but-present-count"], Is.EqualTo(1L));
        Assert.That(r.Anomalies.Single().Explanation, Does.StartWith("add 9 failed at 0.065 s on pg2 (serialization failure)"));
    }

    [Test]
    public void FailedAddThatIsAbsentIsFine()
    {
        var h = FiveAcknowledged().Call(9, "add", 9L, 60, 65, OpType.Fail, 9L, "pg2");
        Assert.That(Check(FinalReads(h, [1, 2, 3, 4, 5])).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void UnknownAddsAreRecoveredWhenPresentAndFineWhenAbsent()
    {
        var h = FiveAcknowledged()
            .Call(6, "add", 6L, 60, 65, OpType.Info, 6L, "pg1", "timeout")
            .Call(7, "add", 7L, 60, 65, OpType.Info, 7L, "pg1", "timeout")
            .Open(8, "add", 8L, 70);
        var r = Check(FinalReads(h, [1, 2, 3, 4, 5, 6, 8], [1, 2, 3, 4, 5, 6, 8]));
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["recovered-count"], Is.EqualTo(2L));
        Assert.That(r.Stats["attempt-count"], Is.EqualTo(8L));
        Assert.That(r.Stats["acknowledged-count"], Is.EqualTo(5L));
    }

    [Test]
    public void UnknownAddSeenByOneFinalReadAndMissedByALaterOneIsDivergent()
    {
        var h = FiveAcknowledged().Call(6, "add", 6L, 60, 65, OpType.Info, 6L, "pg1", "timeout");
        var r = Check(FinalReads(h, [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5]));
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Anomalies.Single().Explanation, Does.Contain("ended unknown (info)").And.Contain("those of pg2, made after another final read had shown it, do not"));
        Assert.That(r.Stats["divergent-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["acknowledged-divergent-count"], Is.EqualTo(0L), "the divergent write was never acknowledged");
    }

    [Test]
    public void UnknownAddSeenOnlyByTheLaterOfTwoFinalReadsIsRecovered()
    {
        var h = FiveAcknowledged().Call(6, "add", 6L, 60, 65, OpType.Info, 6L, "pg1", "timeout");
        var r = Check(FinalReads(h, [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]));
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["recovered-count"], Is.EqualTo(1L));
    }
}
