using Harness.Checkers.Sets;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Sets;

/// <summary>The set checker on a history read back as <c>harness check</c> and a run read it (a file through
/// <see cref="HistoryFormats.Read"/>, i.e. a <see cref="CompactOpList"/> whose entries are built afresh on each
/// read): the adds are kept as positions, and an explanation reads the operations it quotes back by position, so
/// the verdict, counts and sentences are those of the same history held as objects.</summary>
public class SetCheckerCompactTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDir() => _dir = Directory.CreateTempSubdirectory("harness-set-compact-").FullName;

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, true);

    /// <summary>Adds 1..4: 1 and 2 acknowledged by pg1, 3 ended unknown with an error on pg2, 4 failed on pg3; the
    /// final reads hold 2 and 3 on every node (1 lost, 3 recovered) and 4 on pg3 only (failed but present).</summary>
    private static History Scripted()
    {
        var h = new ScriptedHistory()
            .Done(1, "add", 1L, 10, 15, "pg1")
            .Done(2, "add", 2L, 20, 25, "pg1")
            .Call(3, "add", 3L, 30, 35, OpType.Info, ScriptedHistory.Same, "pg2", "timeout after 3 s")
            .Call(4, "add", 4L, 40, 45, OpType.Fail, ScriptedHistory.Same, "pg3", "refused");
        h.Call(10, "read", null, 100, 105, returned: new object?[] { 2L, 3L }, node: "pg1");
        h.Call(11, "read", null, 110, 115, returned: new object?[] { 2L, 3L }, node: "pg2");
        h.Call(12, "read", null, 120, 125, returned: new object?[] { 2L, 3L, 4L }, node: "pg3");
        return h.Build();
    }

    [Test]
    public void AFileIsReadBackCompactAndCheckedAsTheObjectsAre()
    {
        var objects = Scripted();
        var path = Path.Combine(_dir, "history.jsonl");
        JsonlHistory.Write(path, objects.Ops);
        var ops = HistoryFormats.Read(path);
        Assert.That(ops, Is.TypeOf<CompactOpList>(), "our own format is read straight into the columnar form");
        Assert.That(ops.Select(Line), Is.EqualTo(objects.Ops.Select(Line)), "entry for entry the same operations");

        var fromFile = new SetChecker().Check(History.Of(ops), CheckContext.Default);
        var fromObjects = new SetChecker().Check(objects, CheckContext.Default);
        Assert.That(fromFile.Validity, Is.EqualTo(Validity.Invalid), fromFile.Summary);
        Assert.That(fromFile.Summary, Is.EqualTo(fromObjects.Summary));
        Assert.That(fromFile.Stats, Is.EquivalentTo(fromObjects.Stats));
        Assert.That(fromFile.Anomalies.Select(a => (a.Kind, a.Explanation, string.Join(",", a.OpIndices))),
            Is.EqualTo(fromObjects.Anomalies.Select(a => (a.Kind, a.Explanation, string.Join(",", a.OpIndices)))));
    }

    private static string Line(Op op) => System.Text.Encoding.UTF8.GetString(JsonlHistory.Serialize(op));

    [Test]
    public void ExplanationsQuoteTheNodesAndErrorsReadBackByPosition()
    {
        var r = new SetChecker().Check(Scripted(), CheckContext.Default);
        Assert.That(r.Stats["lost-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["recovered-count"], Is.EqualTo(1L));
        Assert.That(r.Stats["failed-but-present-count"], Is.EqualTo(1L));
        var lost = r.Anomalies.Single(a => a.Kind == "lost-write");
        Assert.That(lost.Explanation, Does.Contain("add 1 was acknowledged at").And.Contain("by pg1"));
        Assert.That(lost.OpIndices, Is.EqualTo(new long[] { 0, 1, 8, 9, 10, 11, 12, 13 }));
        var failed = r.Anomalies.Single(a => a.Kind == "failed-but-present");
        Assert.That(failed.Explanation, Does.Contain("add 4 failed at").And.Contain("on pg3 (refused)"));
    }
}
