using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>Small histories with a known answer, for each model and for the Ok / Fail / Info semantics.</summary>
public class HandWrittenHistoryTests
{
    private static CheckResult Check(HistoryBuilder b, string model = "cas-register", string? initial = null, string? split = null)
    {
        var options = new Dictionary<string, string> { ["model"] = model };
        if (initial is not null) options["initial-value"] = initial;
        if (split is not null) options["split"] = split;
        return new LinearizabilityChecker().Check(b.Build(), new CheckContext { Options = options, TimeLimit = TimeSpan.FromSeconds(30) });
    }

    private static object?[] L(params object?[] items) => items;

    [Test]
    public void StaleReadIsRejectedWithAnExplanation()
    {
        var b = new HistoryBuilder().Op(0, "write", 1L, 1L).Op(1, "write", 2L, 2L).Op(2, "read", null, 1L);
        var result = Check(b);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        var anomaly = result.Anomalies.Single();
        Assert.That(anomaly.Explanation, Does.Contain("read").And.Contain("op 4").And.Contain("holds 2"));
        Assert.That(anomaly.OpIndices, Is.EquivalentTo(new long[] { 0, 1, 2, 3, 4, 5 }), "witness: both writes and the read");
    }

    [Test]
    public void ReadConcurrentWithAWriteMaySeeEitherValue()
    {
        var old = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "write", 2L).Invoke(2, "read").Ok(2, "read", 1L).Ok(1, "write", 2L);
        var fresh = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "write", 2L).Invoke(2, "read").Ok(2, "read", 2L).Ok(1, "write", 2L);
        Assert.That(Check(old).Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(fresh).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void LostWriteIsRejected()
    {
        var b = new HistoryBuilder().Op(0, "write", 1L, 1L).Op(1, "read", null, null);
        Assert.That(Check(b).Validity, Is.EqualTo(Validity.Invalid));
    }

    [Test]
    public void CasAfterAFailedWriteIsRejectedButAfterACrashedWriteIsAccepted()
    {
        var failed = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "write", 2L).Fail(1, "write", 2L).Op(2, "cas", L(2L, 3L), L(2L, 3L));
        var crashed = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "write", 2L).Info(1, "write", 2L).Op(2, "cas", L(2L, 3L), L(2L, 3L));
        Assert.That(Check(failed).Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(Check(crashed).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void CrashedWriteMayHappenLateOrNeverButCannotUnhappen()
    {
        var never = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "write", 2L).Info(1, "write", 2L).Op(2, "read", null, 1L);
        var late = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "write", 2L).Info(1, "write", 2L)
            .Op(2, "read", null, 1L).Op(2, "read", null, 2L);
        var flipFlop = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "write", 2L).Info(1, "write", 2L)
            .Op(2, "read", null, 2L).Op(2, "read", null, 1L);
        var unfinished = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "write", 2L).Op(2, "read", null, 2L);
        Assert.That(Check(never).Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(late).Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(flipFlop).Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(Check(unfinished).Validity, Is.EqualTo(Validity.Valid), "an invocation without completion counts as info");
    }

    [Test]
    public void CrashedWriteCannotTakeEffectBeforeItsInvocation()
    {
        var b = new HistoryBuilder().Op(0, "read", null, 2L).Invoke(1, "write", 2L).Info(1, "write", 2L);
        Assert.That(Check(b).Validity, Is.EqualTo(Validity.Invalid));
    }

    [Test]
    public void TimedOutReadTellsNothing()
    {
        var b = new HistoryBuilder().Op(0, "write", 1L, 1L).Invoke(1, "read").Info(1, "read", new Keyword("timed-out"));
        Assert.That(Check(b).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void InitialValueComesFromTheOptions()
    {
        var b = new HistoryBuilder().Op(0, "cas", L(0L, 1L), L(0L, 1L)).Op(1, "read", null, 1L);
        Assert.That(Check(b, initial: "0").Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(b).Validity, Is.EqualTo(Validity.Invalid), "without it the register starts at nil");
    }

    [Test]
    public void KeyedRegistersAreSplitAndTheBadKeyNamed()
    {
        var b = new HistoryBuilder()
            .Op(0, "write", L("a", 1L), L("a", 1L)).Op(1, "write", L("b", 1L), L("b", 1L))
            .Op(0, "read", L("a", null), L("a", 1L)).Op(1, "cas", L("b", L(1L, 2L)), L("b", L(1L, 2L)))
            .Op(2, "read", L("b", null), L("b", 1L));
        var result = Check(b);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(result.Summary, Does.Contain("key \"b\""));
        Assert.That(result.Stats["keys"], Is.EqualTo(2L));
        var good = new HistoryBuilder().Op(0, "write", L("a", 1L), L("a", 1L)).Op(1, "read", L("b", null), L("b", null));
        Assert.That(Check(good).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void PlainRegisterRejectsCasAsUnknownModelUse()
    {
        var b = new HistoryBuilder().Op(0, "cas", L(0L, 1L), L(0L, 1L));
        var result = Check(b, model: "register");
        Assert.That(result.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(result.Summary, Does.Contain("cas-register"));
        Assert.That(Check(b, model: "no-such-model").Validity, Is.EqualTo(Validity.Unknown));
    }

    [Test]
    public void QueueIsFirstInFirstOut()
    {
        var fifo = new HistoryBuilder().Op(0, "enqueue", 1L, 1L).Op(0, "enqueue", 2L, 2L).Op(1, "dequeue", null, 1L);
        var lifo = new HistoryBuilder().Op(0, "enqueue", 1L, 1L).Op(0, "enqueue", 2L, 2L).Op(1, "dequeue", null, 2L);
        Assert.That(Check(fifo, "queue").Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(lifo, "queue").Validity, Is.EqualTo(Validity.Invalid));
    }

    [Test]
    public void SetReadMustShowEveryCompletedAdd()
    {
        var good = new HistoryBuilder().Op(0, "add", 1L, 1L).Op(1, "add", 2L, 2L).Op(2, "read", null, L(2L, 1L));
        var lost = new HistoryBuilder().Op(0, "add", 1L, 1L).Op(1, "add", 2L, 2L).Op(2, "read", null, L(2L));
        Assert.That(Check(good, "set").Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(lost, "set").Validity, Is.EqualTo(Validity.Invalid));
    }

    [Test]
    public void MutexCannotBeHeldTwice()
    {
        var twice = new HistoryBuilder().Op(0, "acquire", null, null).Op(1, "acquire", null, null);
        var handedOver = new HistoryBuilder().Op(0, "acquire", null, null).Op(0, "release", null, null).Op(1, "acquire", null, null);
        Assert.That(Check(twice, "mutex").Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(Check(handedOver, "mutex").Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void MultiRegisterWritesAreAtomic()
    {
        var write = L(L("w", "x", 1L), L("w", "y", 1L));
        var torn = new HistoryBuilder().Op(0, "txn", write, write)
            .Invoke(1, "txn", L(L("r", "x", null), L("r", "y", null))).Ok(1, "txn", L(L("r", "x", 1L), L("r", "y", null)));
        var whole = new HistoryBuilder().Op(0, "txn", write, write)
            .Invoke(1, "txn", L(L("r", "x", null), L("r", "y", null))).Ok(1, "txn", L(L("r", "x", 1L), L("r", "y", 1L)));
        Assert.That(Check(torn, "multi-register").Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(Check(whole, "multi-register").Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void KvAppendsConcatenatePerKey()
    {
        var b = new HistoryBuilder().Op(0, "append", L("k", "a"), L("k", "a")).Op(1, "append", L("k", "b"), L("k", "b"))
            .Op(2, "put", L("j", "z"), L("j", "z"));
        var good = new HistoryBuilder();
        good.Ops.AddRange(b.Ops);
        good.Op(0, "get", L("k", null), L("k", "ab"));
        var bad = new HistoryBuilder();
        bad.Ops.AddRange(b.Ops);
        bad.Op(0, "get", L("k", null), L("k", "ba"));
        Assert.That(Check(good, "kv").Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(bad, "kv").Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(Check(bad, "kv", split: "false").Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(Check(good, "kv", split: "false").Validity, Is.EqualTo(Validity.Valid));
    }
}
