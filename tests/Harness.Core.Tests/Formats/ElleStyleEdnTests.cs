using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests.Formats;

/// <summary>EDN ops as Elle's examples write them: no :process, no :f.</summary>
public class ElleStyleEdnTests
{
    [Test]
    public void MissingFIsTxnAndMissingProcessesAreSyntheticAndPaired()
    {
        var ops = EdnHistory.Parse("""
            {:index 0 :type :invoke :value [[:append 1 2] [:r 3 nil]]}
            {:index 1 :type :invoke :value [[:r 1 nil]] :process 4}
            {:index 2 :type :ok :value [[:append 1 2] [:r 3 []]]}
            {:index 3 :type :ok :value [[:r 1 [2]]] :process 4}
            """);
        Assert.That(ops.Select(o => o.F).Distinct(), Is.EqualTo(new[] { "txn" }));
        Assert.That(ops[0].Process, Is.EqualTo(5), "one past the largest real process");
        Assert.That(ops[2].Process, Is.EqualTo(5));
        var h = History.History.Of(ops);
        Assert.That(h.PartnerOf(0), Is.EqualTo(2));
        Assert.That(h.PartnerOf(1), Is.EqualTo(3));
    }

    [Test]
    public void OkOnlyOpsGetAnInvocationAtTheStartSoNoRealTimeOrderIsInvented()
    {
        var ops = EdnHistory.Parse("{:type :ok :value [[:append :x 1]]}\n{:type :ok :value [[:r :x [1]]]}");
        Assert.That(ops, Has.Count.EqualTo(4));
        Assert.That(ops.Take(2).All(o => o.IsInvoke), Is.True);
        Assert.That(ops.Select(o => o.Process), Is.EqualTo(new[] { 0, 1, 0, 1 }));
        Assert.That(ops[0].Index, Is.EqualTo(ops[2].Index), "the invocation borrows its completion's index");
        Assert.DoesNotThrow(() => History.History.Of(ops));
    }

    [Test]
    public void ABadProcessOrAnExplicitNilFIsStillRejected()
    {
        Assert.Throws<HistoryFormatException>(() => EdnHistory.Parse("{:type :ok :process \"p\" :value 1}"));
        var e = Assert.Throws<HistoryFormatException>(() => EdnHistory.Parse("{:type :ok :process 1 :f :read}\n{:type :ok :f nil :process 1}", "h.edn"));
        Assert.That((e!.File, e.Line), Is.EqualTo(("h.edn", 2)));
    }
}
