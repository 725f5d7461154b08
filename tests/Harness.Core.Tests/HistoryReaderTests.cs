using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests;

public class HistoryReaderTests
{
    [Test]
    public void EdnHistoryReadsJepsenOperations()
    {
        var text = """
            {:type :invoke, :f :cas, :value [1 2], :process 0, :time 10, :index 0}
            {:type :info, :f :start-partition, :value "majority", :process :nemesis}
            {:type :ok, :f :cas, :value [1 2], :process 0, :time 30} ; index defaults to the position
            {:type :invoke :f :read :value nil :process 1}
            {:type :info :f :read :value nil :process 1 :error :timed-out}
            """;
        var ops = EdnHistory.Parse(text);
        Assert.That(ops, Has.Count.EqualTo(5));
        Assert.That(ops[0], Is.EqualTo(new Op(0, 10, OpType.Invoke, 0, "cas", ops[0].Value)));
        Assert.That(ValueText.Equals(ops[0].Value, new object?[] { 1L, 2L }), Is.True);
        Assert.That(ops[1].IsNemesis && ops[1].IsInfo, Is.True);
        Assert.That((ops[2].Index, ops[2].Time, ops[2].Type), Is.EqualTo((2L, 30L, OpType.Ok)));
        Assert.That(ops[4].Error, Is.EqualTo("timed-out"));
        Assert.That(History.History.Of(ops).PartnerOf(0), Is.EqualTo(2));
        Assert.That(EdnHistory.Parse("[" + text + "]"), Has.Count.EqualTo(5), "one top-level vector works too");
    }

    [Test]
    public void EdnHistoryRejectsAMapWithoutType()
    {
        var e = Assert.Throws<HistoryFormatException>(() => EdnHistory.Parse("{:type :ok :f :read :process 0}\n  {:f :read :process 0}", "x.edn"));
        Assert.That((e!.Line, e.Column), Is.EqualTo((2, 3)));
        Assert.That(e.Message, Does.Contain(":type"));
    }

    [Test]
    public void PorcupineEtcdLinesInBothLayouts()
    {
        var ops = PorcupineEtcdHistory.Parse(new[]
        {
            "INFO  jepsen.util - 3\t:invoke\t:cas\t[1 2]",
            "INFO  jepsen.util - 3\t:info\t:cas\t:timed-out",
            "INFO  jepsen.util - 17  :invoke :read   nil",
            "INFO  jepsen.util - 17  :fail   :read   :timed-out",
            "INFO  jepsen.util - 4   :invoke :write  0",
            "INFO  jepsen.util - 4   :ok     :write  0",
        });
        Assert.That(ops.Select(o => o.Type), Is.EqualTo(new[] { OpType.Invoke, OpType.Info, OpType.Invoke, OpType.Info, OpType.Invoke, OpType.Ok }));
        Assert.That(ValueText.Equals(ops[1].Value, new object?[] { 1L, 2L }), Is.True, "a crashed cas keeps its invoked value");
        Assert.That(ops[3].Error, Is.EqualTo("timed-out"));
        Assert.That(ops[5].Value, Is.EqualTo(0L));
        var e = Assert.Throws<HistoryFormatException>(() => PorcupineEtcdHistory.Parse(new[] { "INFO  jepsen.util - 3\t:invoke\t:cas\t[1 x]" }, "e.log"));
        Assert.That(e!.Line, Is.EqualTo(1));
    }

    [Test]
    public void PorcupineKvLinesBecomeKeyedOps()
    {
        var ops = PorcupineKvHistory.Parse(new[]
        {
            "{:process 0, :type :invoke, :f :get, :key \"7\", :value nil}",
            "{:process 0, :type :ok, :f :get, :key \"7\", :value \"\"}",
            "{:process 1, :type :invoke, :f :append, :key \"3\", :value \"x 1 0 y\"}",
        });
        Assert.That(ValueText.Equals(ops[0].Value, new object?[] { "7", null }), Is.True);
        Assert.That(ValueText.Equals(ops[1].Value, new object?[] { "7", "" }), Is.True);
        Assert.That(ops[2].F, Is.EqualTo("append"));
        var e = Assert.Throws<HistoryFormatException>(() => PorcupineKvHistory.Parse(new[] { "", "{:process 0, :type :bogus}" }, "k.txt"));
        Assert.That(e!.Line, Is.EqualTo(2));
    }
}
