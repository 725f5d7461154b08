using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests.Formats;

/// <summary>Jepsen's history.txt: tab-separated process, type, f, value and an optional error.</summary>
public class JepsenTextHistoryTests
{
    private const string Text =
        "3\t:invoke\t:txn\t[[:append 4 1] [:r 5 nil]]\n" +
        ":nemesis\t:info\t:start-partition\t:majority\n" +
        "3\t:ok\t:txn\t[[:append 4 1] [:r 5 [1 2]]]\n" +
        "4\t:invoke\t:read\tnil\n" +
        "4\t:info\t:read\tnil\t:timed-out\n";

    [Test]
    public void ReadsProcessTypeFValueAndError()
    {
        var ops = JepsenTextHistory.Parse(Text, "history.txt");
        Assert.That(ops.Select(o => o.Type), Is.EqualTo(new[] { OpType.Invoke, OpType.Info, OpType.Ok, OpType.Invoke, OpType.Info }));
        Assert.That(ops[0].F, Is.EqualTo("txn"));
        Assert.That(ValueText.Equals(ops[2].Value, new object?[] { new object?[] { new Keyword("append"), 4L, 1L }, new object?[] { new Keyword("r"), 5L, new object?[] { 1L, 2L } } }), Is.True, ValueText.Format(ops[2].Value));
        Assert.That(ops[1].IsNemesis, Is.True);
        Assert.That(ops[4].Error, Is.EqualTo(":timed-out"));
        Assert.That(ops.Select(o => o.Index), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }), "no indices in the file: positions");
        Assert.That(History.History.Of(ops).PartnerOf(0), Is.EqualTo(2));
    }

    [TestCase("3\t:invoke\t:txn\n", 1, 1, "process<TAB>type")]
    [TestCase("x\t:invoke\t:txn\tnil\n", 1, 1, "process number")]
    [TestCase("3\t:started\t:txn\tnil\n", 1, 3, ":invoke")]
    [TestCase("3\t:invoke\t:txn\tnil\n3\t:ok\t:txn\t[[:r 5 [1 2]\n4\t:invoke\t:read\tnil\n", 2, 24, "']'")]
    public void BadLinesNameFileLineAndColumn(string text, int line, int column, string expected)
    {
        var e = Assert.Throws<HistoryFormatException>(() => JepsenTextHistory.Parse(text, "history.txt"));
        Assert.That((e!.File, e.Line, e.Column), Is.EqualTo(("history.txt", line, column)), e.Message);
        Assert.That(e.Message, Does.Contain(expected));
    }

    [Test]
    public void ATornLastLineIsSkippedWithAWarningButAWholeBadLastLineIsAnError()
    {
        var warnings = new List<string>();
        var ops = JepsenTextHistory.Parse(Text + "5\t:invoke\t:txn\t[[:app", "history.txt", warnings.Add);
        Assert.That(ops, Has.Count.EqualTo(5));
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.StartWith("history.txt:6:").And.Contain("torn"));
        Assert.Throws<HistoryFormatException>(() => JepsenTextHistory.Parse(Text + "5\t:invoke\t:txn\t[[:app\n", "history.txt"));
    }

    [Test]
    public void DetectedFromItsNameAndFromItsFirstLine()
    {
        var dir = Directory.CreateTempSubdirectory();
        var named = Path.Combine(dir.FullName, "history.txt");
        var other = Path.Combine(dir.FullName, "ops.log");
        File.WriteAllText(named, "{not tab separated}\n");
        File.WriteAllText(other, Text);
        Assert.That(HistoryFormats.Guess(named), Is.EqualTo("history-txt"));
        Assert.That(HistoryFormats.Guess(other), Is.EqualTo("history-txt"));
        Assert.That(HistoryFormats.Read(other), Has.Count.EqualTo(5));
        dir.Delete(true);
    }
}
