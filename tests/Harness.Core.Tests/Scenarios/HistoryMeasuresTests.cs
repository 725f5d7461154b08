using Harness.Core.History;
using Harness.Lab.Scenarios;
using NUnit.Framework;

namespace Harness.Core.Tests.Scenarios;

/// <summary>The history figures on hand-written histories: the longest gap between acknowledged writes, the
/// writes acknowledged while a fault was in force (none when sync replication stalls), and numbers a fault recorded.</summary>
public class HistoryMeasuresTests
{
    private static long Ms(double ms) => (long)(ms * 1e6);

    private static Op Client(long index, double ms, OpType type, int process, string f, object? value = null) => new(index, Ms(ms), type, process, f, value, "pg1");

    private static Op Nemesis(long index, double ms, OpType type, string f, object? value = null) => new(index, Ms(ms), type, Op.NemesisProcess, f, value);

    /// <summary>Writes at 0-10 ms, a fault in force from 20 to 1000 ms, and writes that complete at 1500 ms.</summary>
    private static List<Op> Stalled(bool oneSlipsThrough)
    {
        var ops = new List<Op>
        {
            Client(0, 0, OpType.Invoke, 0, "add", 1), Client(1, 10, OpType.Ok, 0, "add", 1),
            Nemesis(2, 15, OpType.Invoke, "start-standby-down"), Nemesis(3, 20, OpType.Info, "start-standby-down", "killed standby pg2"),
            Client(4, 30, OpType.Invoke, 1, "add", 2),
            Client(5, 40, OpType.Invoke, 2, "read"), Client(6, 50, OpType.Ok, 2, "read", new List<object?>()),
            Nemesis(7, 1000, OpType.Invoke, "stop-standby-down"), Nemesis(8, 1100, OpType.Info, "stop-standby-down", "back"),
            Client(9, 1500, OpType.Ok, 1, "add", 2),
        };
        if (oneSlipsThrough) ops.AddRange([Client(10, 1600, OpType.Invoke, 3, "add", 3), Client(11, 1610, OpType.Ok, 3, "add", 3)]);
        ops.Sort((a, b) => a.Time.CompareTo(b.Time));
        if (!oneSlipsThrough) return ops;
        // Move the last write inside the fault window: invoked at 100 ms, acknowledged at 200 ms.
        return ops.Select(o => o.Index == 10 ? o with { Time = Ms(100) } : o.Index == 11 ? o with { Time = Ms(200) } : o)
            .OrderBy(o => o.Time).Select((o, i) => o with { Index = i }).ToList();
    }

    [Test]
    public void AStalledFaultWindowHasNoAcknowledgedWritesAndALongGap()
    {
        var ops = Stalled(oneSlipsThrough: false);
        Assert.That(HistoryMeasures.OkWritesInFault(ops), Is.EqualTo(0));
        Assert.That(HistoryMeasures.MaxWriteGapMs(ops), Is.EqualTo(1490.0), "from the ack at 10 ms to the ack at 1500 ms");
        Assert.That(HistoryMeasures.Of(ops)["info-writes"], Is.EqualTo(0));
    }

    [Test]
    public void AWriteAcknowledgedInsideTheWindowIsCounted()
    {
        var ops = Stalled(oneSlipsThrough: true);
        Assert.That(HistoryMeasures.OkWritesInFault(ops), Is.EqualTo(1));
        Assert.That(HistoryMeasures.MaxWriteGapMs(ops), Is.EqualTo(1300.0), "200 ms to 1500 ms");
    }

    [Test]
    public void ReadsAreNotWritesAndAHistoryWithoutFaultsOrWritesGivesNull()
    {
        var reads = new List<Op> { Client(0, 0, OpType.Invoke, 0, "read"), Client(1, 5, OpType.Ok, 0, "read", 3L) };
        Assert.That(HistoryMeasures.MaxWriteGapMs(reads), Is.Null);
        Assert.That(HistoryMeasures.OkWritesInFault(reads), Is.Null);
        Assert.That(HistoryMeasures.Of(reads)["recovery-conflict-count"], Is.Null);
    }

    [Test]
    public void NumbersAFaultRecordedAreSummedOrMaxedAcrossItsSteps()
    {
        IReadOnlyDictionary<string, object?> Value(params (string, object?)[] fields) =>
            fields.ToDictionary(f => f.Item1, f => f.Item2);
        var ops = new List<Op>
        {
            Nemesis(0, 0, OpType.Info, "stop-standby-long-read", Value(("description", "x"), ("recovery-conflicts", 2L), ("long-read-cancelled", 1L))),
            Nemesis(1, 10, OpType.Info, "stop-standby-long-read", Value(("description", "y"), ("recovery-conflicts", 3L), ("long-read-cancelled", 0L))),
            Nemesis(2, 20, OpType.Info, "start-add-replica", Value(("description", "z"), ("clone-s", 4.5), ("copy-s", 1.25), ("data-mb", 30.0))),
            Nemesis(3, 30, OpType.Info, "start-add-replica", Value(("description", "w"), ("clone-s", 2.5), ("data-mb", "not a number"))),
        };
        var figures = HistoryMeasures.Of(ops);
        Assert.That(figures["recovery-conflict-count"], Is.EqualTo(5));
        Assert.That(figures["long-read-cancelled-count"], Is.EqualTo(1));
        Assert.That(figures["replica-clone-s"], Is.EqualTo(4.5));
        Assert.That(figures["replica-copy-s"], Is.EqualTo(1.25));
        Assert.That(figures["replica-data-mb"], Is.EqualTo(30.0));
        Assert.That(figures["diverged-row-count"], Is.Null);
    }
}
