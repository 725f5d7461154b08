using Harness.Checkers.StaleReads;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.StaleReads;

public class StaleReadGarbageAndKeyTests
{
    private static CheckResult Check(ScriptedHistory h, CheckContext? context = null) =>
        new StaleReadChecker().Check(h.Build(), context ?? CheckContext.Default);

    private static object?[] Kv(object? k, object? v) => [k, v];

    [Test]
    public void ValueNeverWrittenIsGarbage()
    {
        var h = new ScriptedHistory().Done(0, "write", 1L, 0, 10)
            .Call(1, "read", null, 20, 30, returned: 99L, node: "pg3");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.AnomalyCounts["garbage-read"], Is.EqualTo(1L));
        Assert.That(r.Anomalies.Single().Explanation, Is.EqualTo("read at 0.020 s on pg3 returned 99, which no operation ever wrote"));
    }

    [Test]
    public void ValueOfAFailedWriteIsGarbage()
    {
        var h = new ScriptedHistory().Call(0, "write", 7L, 0, 10, OpType.Fail)
            .Call(1, "read", null, 20, 30, returned: 7L);
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Anomalies.Single().Explanation, Does.Contain("only write 7 tried to write, and it failed at 0.010 s"));
    }

    [Test]
    public void ValueReadBeforeItsWriteBeganIsGarbage()
    {
        var h = new ScriptedHistory().Call(1, "read", null, 0, 10, returned: 7L)
            .Call(0, "write", 7L, 20, 30, OpType.Info, 7L);
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Anomalies.Single().Explanation, Does.Contain("was invoked at 0.020 s, after the read completed at 0.010 s"));
    }

    [Test]
    public void KeysAreJudgedIndependently()
    {
        var h = new ScriptedHistory()
            .Done(0, "write", Kv("x", 1L), 0, 10)
            .Done(0, "write", Kv("y", 2L), 20, 30)
            .Call(1, "read", Kv("x", null), 40, 50, returned: Kv("x", 1L), node: "pg2");
        Assert.That(Check(h).Validity, Is.EqualTo(Validity.Valid));
        h.Done(0, "cas", Kv("x", new object?[] { 1L, 3L }), 32, 35)
            .Call(1, "read", Kv("x", null), 60, 70, returned: Kv("x", 1L), node: "pg2");
        var r = Check(h);
        Assert.That(r.Stats["stale-count"], Is.EqualTo(2L));
        Assert.That(r.Anomalies[0].Explanation, Does.StartWith("read of key \"x\" at 0.040 s on pg2 returned 1"));
    }

    [Test]
    public void ValuesWrittenTwiceAreNotJudged()
    {
        var h = new ScriptedHistory().Done(0, "write", 1L, 0, 10).Done(0, "write", 2L, 20, 30).Done(0, "write", 1L, 40, 50)
            .Call(1, "read", null, 45, 46, returned: 1L);
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid));
        Assert.That(r.Stats["unjudged-count"], Is.EqualTo(1L));
    }

    [Test]
    public void InitialValueOptionIsHonoured()
    {
        var context = new CheckContext { Options = new Dictionary<string, string> { ["initial-value"] = "0" } };
        var h = new ScriptedHistory().Done(0, "write", 1L, 10, 20).Call(1, "read", null, 0, 5, returned: 0L);
        Assert.That(Check(h, context).Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(h).Validity, Is.EqualTo(Validity.Invalid), "without the option 0 was never written");
    }

    [Test]
    public void EmptyAndMalformedHistoriesDoNotThrow()
    {
        Assert.That(Check(new ScriptedHistory()).Validity, Is.EqualTo(Validity.Valid));
        var h = new ScriptedHistory().Done(0, "cas", 3L, 0, 1).Done(0, "write", new object?[] { 1L }, 2, 3)
            .Call(1, "read", new object?[] { "x", null }, 4, 5, returned: "oops");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid));
        Assert.That(r.Summary, Does.Contain("3 operations with unrecognised values skipped"));
    }

    [Test]
    public void ManyKeysAndOneHundredThousandOpsFindExactlyThePlantedStaleRead()
    {
        var h = new ScriptedHistory();
        long t = 0, value = 0;
        for (var round = 0; round < 250; round++)
            for (var key = 0; key < 100; key++, t += 4)
            {
                h.Done(0, "write", Kv((long)key, ++value), t, t + 1);
                h.Call(1, "read", Kv((long)key, null), t + 2, t + 3, returned: Kv((long)key, value));
            }
        h.Call(1, "read", Kv(5L, null), t + 2, t + 3, returned: Kv(5L, 6L));
        var r = Check(h);
        Assert.That(r.Stats["read-count"], Is.EqualTo(25_001L));
        Assert.That(r.Stats["stale-count"], Is.EqualTo(1L));
    }
}
