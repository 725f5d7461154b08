using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Harness.Core.History;

namespace Harness.Check.Internal;

/// <summary>
/// Reads a history's operations on a thread of their own, a few thousand at a time, while the caller checks the
/// ones already read: on two cores the reading of a large file (JSON scanning, one object per operation) overlaps
/// the checkers' work on each operation. The caller sees the same operations in the same order, and the reader's
/// error (a malformed file) where the reader met it: after every operation before it. A caller that stops early
/// stops the reader. With one core it reads in line.
/// </summary>
internal static class ReadAhead
{
    private const int BatchSize = 4096;
    private const int Batches = 16;

    public static IEnumerable<Op> Of(IEnumerable<Op> source) => Environment.ProcessorCount < 2 ? source : Threaded(source);

    private static IEnumerable<Op> Threaded(IEnumerable<Op> source)
    {
        using var queue = new BlockingCollection<Op[]>(Batches);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                var batch = new List<Op>(BatchSize);
                foreach (var op in source)
                {
                    batch.Add(op);
                    if (batch.Count < BatchSize) continue;
                    queue.Add(batch.ToArray(), stop.Token);
                    batch.Clear();
                }
                if (batch.Count > 0) queue.Add(batch.ToArray(), stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "history reader" };
        reader.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
                foreach (var op in batch) yield return op;
            reader.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }
    }
}
