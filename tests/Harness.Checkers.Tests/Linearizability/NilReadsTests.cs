using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>
/// How an Ok read of nil is read, per format, pinned to the tool that writes (and checks) that format: Knossos
/// (Jepsen's EDN and history.txt) reads it as "value unknown", always legal; Porcupine and our own JSONL read it
/// as the absent value. Each case also holds a history the checker must still reject.
/// </summary>
public class NilReadsTests
{
    // A Jepsen cas-register test with (cas-register 0): the first reads lost their result and were recorded :ok nil.
    private const string KnossosHistory = """
        {:type :invoke, :f :read, :value nil, :process 0, :index 0}
        {:type :ok, :f :read, :value nil, :process 0, :index 1}
        {:type :invoke, :f :write, :value 3, :process 1, :index 2}
        {:type :ok, :f :write, :value 3, :process 1, :index 3}
        {:type :invoke, :f :read, :value nil, :process 0, :index 4}
        {:type :ok, :f :read, :value nil, :process 0, :index 5}
        {:type :invoke, :f :cas, :value [3 4], :process 1, :index 6}
        {:type :ok, :f :cas, :value [3 4], :process 1, :index 7}
        """;

    private static Validity Check(IReadOnlyList<Op> ops, string nilReads, string initial = "0") =>
        new LinearizabilityChecker().Check(History.Of(ops), new CheckContext
        {
            Options = new Dictionary<string, string> { ["model"] = "cas-register", ["initial-value"] = initial, ["nil-reads"] = nilReads },
        }).Validity;

    [Test]
    public void EdnDefaultsToKnossosNilReadsAreUnknown()
    {
        Assert.That(HistoryFormats.NilReadsDefault("edn"), Is.EqualTo("unknown"));
        Assert.That(HistoryFormats.NilReadsDefault("history-txt"), Is.EqualTo("unknown"));
        var ops = EdnHistory.Parse(KnossosHistory);
        Assert.That(Check(ops, HistoryFormats.NilReadsDefault("edn")), Is.EqualTo(Validity.Valid), "Knossos: linearizable");
        Assert.That(Check(ops, "value"), Is.EqualTo(Validity.Invalid), "read as the value nil, the register held 0 then 3");
    }

    [Test]
    public void UnderKnossosConventionAWrongNonNilReadIsStillRejected()
    {
        var stale = EdnHistory.Parse(KnossosHistory + "\n{:type :invoke, :f :read, :value nil, :process 0}\n{:type :ok, :f :read, :value 3, :process 0}");
        Assert.That(Check(stale, "unknown"), Is.EqualTo(Validity.Invalid), "the register holds 4 after the cas, not 3");
        var badCas = EdnHistory.Parse(KnossosHistory.Replace("[3 4]", "[0 4]"));
        Assert.That(Check(badCas, "unknown"), Is.EqualTo(Validity.Invalid), "nil reads do not excuse a cas that expected 0 after the write of 3");
    }

    [Test]
    public void JsonlAndPorcupineDefaultToNilAsTheAbsentValue()
    {
        foreach (var format in new[] { "jsonl", "elle-json", "porcupine-etcd", "porcupine-kv" })
            Assert.That(HistoryFormats.NilReadsDefault(format), Is.EqualTo("value"), format);
        // Our runs: a register that was written then read as nil lost the write.
        var lost = new HistoryBuilder().Op(0, "write", 1L, 1L).Op(1, "read", null, null).Ops;
        Assert.That(Check(lost, HistoryFormats.NilReadsDefault("jsonl"), "nil"), Is.EqualTo(Validity.Invalid));
        Assert.That(Check(lost, "unknown", "nil"), Is.EqualTo(Validity.Valid), "the same history under Knossos's convention");
        var absent = new HistoryBuilder().Op(1, "read", null, null).Op(0, "write", 1L, 1L).Ops;
        Assert.That(Check(absent, "value", "nil"), Is.EqualTo(Validity.Valid), "nil before any write is the absent value");
    }

    [Test]
    public void PorcupineEtcdLogReadsNilAsKeyAbsent()
    {
        // Porcupine's etcd model: a read that returns nil is legal only while the key does not exist. The whole
        // published corpus gets the same verdicts either way (its nil reads all precede the first write), so this
        // hand-made log in the same format pins the difference.
        var lines = new[]
        {
            "INFO  jepsen.util - 0\t:invoke\t:write\t1",
            "INFO  jepsen.util - 0\t:ok\t:write\t1",
            "INFO  jepsen.util - 1\t:invoke\t:read\tnil",
            "INFO  jepsen.util - 1\t:ok\t:read\tnil",
        };
        var ops = PorcupineEtcdHistory.Parse(lines);
        Assert.That(Check(ops, HistoryFormats.NilReadsDefault("porcupine-etcd"), "nil"), Is.EqualTo(Validity.Invalid), "as Porcupine says");
        Assert.That(Check(ops, "unknown", "nil"), Is.EqualTo(Validity.Valid), "as Knossos would say");
    }

    [Test]
    public void AnUnknownConventionIsUnknownNotAGuess()
    {
        var ops = EdnHistory.Parse(KnossosHistory);
        Assert.That(Check(ops, "maybe"), Is.EqualTo(Validity.Unknown));
    }
}
