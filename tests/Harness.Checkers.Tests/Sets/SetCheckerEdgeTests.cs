using Harness.Checkers.Sets;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Sets;

public class SetCheckerEdgeTests
{
    private static CheckResult Check(ScriptedHistory h) => new SetChecker().Check(h.Build(), CheckContext.Default);

    [Test]
    public void EmptyHistoryIsUnknown()
    {
        var r = Check(new ScriptedHistory());
        Assert.That(r.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(r.Stats["final-read-count"], Is.EqualTo(0L));
    }

    [Test]
    public void AddsWithoutAnyOkFinalReadAreUnknown()
    {
        var h = new ScriptedHistory().Done(0, "add", 1L, 0, 1).Call(1, "read", null, 10, 11, OpType.Fail, null, "pg1");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(r.Summary, Does.Contain("no Ok final read"));
    }

    [Test]
    public void ReadsMadeWhileAddsContinueAreNotFinal()
    {
        var h = new ScriptedHistory()
            .Done(0, "add", 1L, 0, 1)
            .Call(1, "read", null, 2, 3, returned: new object?[] { 1L }, node: "pg1")
            .Done(0, "add", 2L, 4, 5)
            .Call(1, "read", null, 10, 11, returned: new object?[] { 1L, 2L }, node: "pg1");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["final-read-count"], Is.EqualTo(1L));
        Assert.That(r.Summary, Does.Contain("not used as final reads"));
    }

    [Test]
    public void AddAcknowledgedOnlyAfterTheFinalReadBeganNeedNotBeInIt()
    {
        var h = new ScriptedHistory()
            .Done(0, "add", 1L, 0, 1)
            .Done(2, "add", 2L, 5, 30)
            .Call(1, "read", null, 10, 20, returned: new object?[] { 1L }, node: "pg1");
        Assert.That(Check(h).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void MalformedValuesAreSkippedWithANote()
    {
        var h = new ScriptedHistory()
            .Done(0, "add", "x", 0, 1)
            .Done(0, "add", 1L, 2, 3)
            .Done(0, "frob", 1L, 4, 5)
            .Call(1, "read", null, 10, 11, returned: new object?[] { 1L, "junk" }, node: "pg1")
            .Call(2, "read", null, 12, 13, returned: 5L, node: "pg2");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Summary, Does.Contain("without an integer element").And.Contain("non-integer element")
            .And.Contain("not a list").And.Contain("other than add and read"));
    }

    [Test]
    public void ExamplesAreCappedButCountsAreComplete()
    {
        var h = new ScriptedHistory();
        for (var e = 0; e < 25; e++) h.Done(e, "add", (long)e, e, e + 0.5);
        h.Call(100, "read", null, 100, 101, returned: Array.Empty<object?>(), node: "pg1");
        var r = Check(h);
        Assert.That(r.AnomalyCounts["lost-write"], Is.EqualTo(25L));
        Assert.That(r.Anomalies, Has.Count.EqualTo(10));
        var lost = (object?[])((IReadOnlyDictionary<string, object?>)r.Details!)["lost"]!;
        Assert.That(lost, Has.Length.EqualTo(25));
    }
}
