using Harness.Checkers.Stats;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Stats;

public class StatsCheckerTests
{
    private static CheckResult Check(ScriptedHistory h) => new StatsChecker().Check(h.Build(), CheckContext.Default);

    private static ScriptedHistory Mixed() => new ScriptedHistory()
        .Done(0, "write", 1L, 0, 10, "pg1")
        .Done(0, "write", 2L, 100, 120, "pg1")
        .Call(1, "read", null, 0, 2, returned: 1L, node: "pg2")
        .Call(1, "read", null, 200, 204, returned: 2L, node: "pg2")
        .Call(1, "read", null, 300, 306, returned: 2L, node: "pg2")
        .Call(1, "read", null, 400, 408, returned: 2L, node: "pg2")
        .Call(0, "write", 3L, 500, 510, OpType.Fail, 3L, "pg1")
        .Call(0, "write", 4L, 600, 700, OpType.Info, 4L, "pg1", "timeout")
        .Open(2, "write", 5L, 900, "pg3")
        .Nemesis("start-partition", 50, "pg1 | pg2 pg3").Nemesis("stop-partition", 150)
        .Nemesis("start-partition", 650).Nemesis("stop-partition", 800)
        .Nemesis("start-kill", 820, "pg2").Nemesis("stop-kill", 1000);

    [Test]
    public void CountsOutcomesOverallPerFunctionAndPerNode()
    {
        var r = Check(Mixed());
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["ops"], Is.EqualTo(9L));
        Assert.That(r.Stats["ok"], Is.EqualTo(6L));
        Assert.That(r.Stats["fail"], Is.EqualTo(1L));
        Assert.That(r.Stats["info"], Is.EqualTo(1L));
        Assert.That(r.Stats["open"], Is.EqualTo(1L));
        Assert.That(r.Stats["write.ok"], Is.EqualTo(2L));
        Assert.That(r.Stats["write.fail"], Is.EqualTo(1L));
        Assert.That(r.Stats["read.ok"], Is.EqualTo(4L));
        Assert.That(r.Stats["node.pg1.ops"], Is.EqualTo(4L));
        Assert.That(r.Stats["node.pg3.open"], Is.EqualTo(1L));
        Assert.That(r.Stats["ok-rate"], Is.EqualTo(Math.Round(6.0 / 9, 4)));
    }

    [Test]
    public void LatencyPercentilesAndThroughputComeFromOkOps()
    {
        var r = Check(Mixed());
        // Ok read latencies 2, 4, 6, 8 ms; Ok write latencies 10, 20 ms (the 100 ms info write is excluded).
        Assert.That(r.Stats["read.latency-p50-ms"], Is.EqualTo(4.0));
        Assert.That(r.Stats["read.latency-max-ms"], Is.EqualTo(8.0));
        Assert.That(r.Stats["latency-p50-ms"], Is.EqualTo(6.0));
        Assert.That(r.Stats["latency-p99-ms"], Is.EqualTo(20.0));
        Assert.That(r.Stats["duration-s"], Is.EqualTo(1.0));
        Assert.That(r.Stats["ok-per-s"], Is.EqualTo(6.0));
    }

    [Test]
    public void CountsFaultsFromNemesisWindows()
    {
        var r = Check(Mixed());
        Assert.That(r.Stats["faults"], Is.EqualTo(3L));
        Assert.That(r.Stats["fault.partition"], Is.EqualTo(2L));
        Assert.That(r.Stats["fault.kill"], Is.EqualTo(1L));
        Assert.That(r.Stats.ContainsKey("start-partition.ops"), Is.False, "nemesis entries are not client ops");
    }

    [Test]
    public void FunctionThatNeverSucceededMakesTheVerdictUnknown()
    {
        var h = Mixed().Call(3, "cas", new object?[] { 1L, 2L }, 950, 960, OpType.Fail, null, "pg1");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(r.Summary, Does.EndWith("no Ok cas at all"));
    }

    [Test]
    public void EmptyHistoryIsValidWithZeroCounts()
    {
        var r = Check(new ScriptedHistory());
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid));
        Assert.That(r.Stats["ops"], Is.EqualTo(0L));
        Assert.That(r.Stats["latency-p99-ms"], Is.EqualTo(0.0));
    }
}
