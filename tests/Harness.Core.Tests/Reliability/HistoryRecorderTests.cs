using Harness.Core.Formats;
using Harness.Core.History;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

/// <summary>The streaming recorder: every operation is on disk when Record returns, lines are in index order with
/// non-decreasing times even with many writers, memory holds only a recent window, and a full disk is a clear error
/// naming the file with everything before it readable.</summary>
public class HistoryRecorderTests
{
    [Test]
    public void ConcurrentWritersGiveLinesInIndexOrderOnDisk()
    {
        var dir = Directory.CreateTempSubdirectory("harness-recorder-").FullName;
        var path = Path.Combine(dir, "history.jsonl");
        using (var recorder = new HistoryRecorder(path, new RunClock()))
        {
            Parallel.For(0, 8, p =>
            {
                for (var i = 0; i < 500; i++)
                {
                    recorder.Record(OpType.Invoke, p, "write", new object?[] { (long)p, (long)i });
                    recorder.Record(OpType.Ok, p, "write", new object?[] { (long)p, (long)i }, "n1");
                }
            });
            Assert.That(recorder.Count, Is.EqualTo(8000));
            Assert.That(recorder.OpenCount, Is.Zero);
            Assert.That(recorder.Recent(), Has.Count.EqualTo(64));
            Assert.That(recorder.Recent()[^1].Index, Is.EqualTo(7999));
            Assert.That(File.ReadLines(path).Count(), Is.EqualTo(8000), "each op is on disk before Record returns");
        }
        var ops = JsonlHistory.Read(path);
        Assert.That(ops.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 8000).Select(i => (long)i)));
        Assert.That(ops.Zip(ops.Skip(1)).All(p => p.First.Time <= p.Second.Time), Is.True, "times never go back");
        Assert.DoesNotThrow(() => Core.History.History.Of(ops));
        Directory.Delete(dir, true);
    }

    [Test]
    public void ADiskFullIsAnErrorNamingTheFileAndTheLinesBeforeItStayReadable()
    {
        var stream = new FailingStream(2_000);
        using var recorder = new HistoryRecorder("/store/t/run/history.jsonl", stream, new RunClock());
        HistoryWriteException? error = null;
        for (var i = 0; i < 100 && error is null; i++)
        {
            try
            {
                recorder.Record(OpType.Invoke, 0, "write", new object?[] { 1L, (long)i });
                recorder.Record(OpType.Ok, 0, "write", new object?[] { 1L, (long)i });
            }
            catch (HistoryWriteException e)
            {
                error = e;
            }
        }
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.Message, Does.Contain("/store/t/run/history.jsonl").And.Contain("No space left on device"));
        Assert.Throws<HistoryWriteException>(() => recorder.Record(OpType.Invoke, 1, "read", null), "a broken recorder writes nothing more");
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, stream.ToArray());
        var warnings = new List<string>();
        var ops = CompactHistoryReader.Read(file, warnings.Add);
        Assert.That(ops, Has.Count.EqualTo(error.IntactOperations), "every whole line before the failure is readable");
        Assert.That(stream.ToArray()[^1], Is.EqualTo((byte)'\n'), "the part of the failed line that was written is cut off again");
        Assert.That(warnings, Is.Empty, "no torn tail left to skip");
        File.Delete(file);
    }
}
