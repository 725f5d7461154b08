using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Transactional;

public class ElleJsonHistoryTests
{
    private const string GSingle = """
        [
          {"index":0,"type":":invoke","process":0,"f":":txn","value":[[":r","x",null],[":r","y",null]]},
          {"index":1,"type":"invoke","process":1,"f":"txn","value":[["append","x",1],["append","y",1]]},
          {"index":2,"type":"invoke","process":2,"f":"txn","value":[["r","x",null]]},
          {"index":3,"type":":ok","process":0,"f":":txn","value":[[":r","x",[]],[":r","y",[1]]]},
          {"index":4,"type":"ok","process":1,"f":"txn","value":[["append","x",1],["append","y",1]]},
          {"index":5,"type":"ok","process":2,"f":"txn","value":[["r","x",[1]]]}
        ]
        """;

    [Test]
    public void ReadsKeywordsWithOrWithoutColonsAndTheCheckerFindsTheCycle()
    {
        var ops = ElleJsonHistory.Parse(GSingle);
        Assert.That(ops, Has.Count.EqualTo(6));
        Assert.That(ops[0].Type, Is.EqualTo(OpType.Invoke));
        Assert.That(ops[0].F, Is.EqualTo("txn"));
        Assert.That(ValueText.Format(ops[3].Value), Is.EqualTo("[[\"r\" \"x\" []] [\"r\" \"y\" [1]]]"));
        var result = new TransactionalChecker().Check(History.Of(ops), CheckContext.Default);
        Assert.That(result.AnomalyCounts.Keys, Is.EquivalentTo(new[] { "G-single" }));
    }

    [Test]
    public void NemesisProcessAndMissingIndexAreAccepted()
    {
        var ops = ElleJsonHistory.Parse("""[{"type":"info","process":"nemesis","f":"start-partition","value":null}, {"type":"invoke","process":3,"f":"txn","value":[]}]""");
        Assert.That(ops[0].Process, Is.EqualTo(Op.NemesisProcess));
        Assert.That(ops[1].Index, Is.EqualTo(1));
    }

    [TestCase("[{\"type\":\"invoke\",\"process\":0,\"f\":\"txn\"},\n  {\"type\":\"bogus\",\"process\":0,\"f\":\"txn\"}]", 2, 3)]
    [TestCase("[{\"type\":\"invoke\",\"process\":0,\"f\":\"txn\"},\n{\"process\":0,\"f\":\"txn\"}]", 2, 1)]
    [TestCase("{\"type\":\"invoke\"}", 1, 1)]
    [TestCase("[{\"type\":\"invoke\",\"process\":0,\"f\":\"txn\"},\n  42]", 2, 3)]
    [TestCase("[{\"type\":\"invoke\",\n \"process\":0,,}]", 2, 14)]
    public void MalformedInputNamesLineAndColumn(string json, int line, int column)
    {
        var e = Assert.Throws<HistoryFormatException>(() => ElleJsonHistory.Parse(json, "h.json"));
        Assert.That(e!.File, Is.EqualTo("h.json"));
        Assert.That((e.Line, e.Column), Is.EqualTo((line, column)), e.Message);
    }

    [Test]
    public void ReadsFromAFile()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, GSingle);
        Assert.That(ElleJsonHistory.Read(path), Has.Count.EqualTo(6));
        File.Delete(path);
        Assert.Throws<FileNotFoundException>(() => ElleJsonHistory.Read(path));
    }
}
