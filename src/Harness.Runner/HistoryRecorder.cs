using Harness.Core.Formats;
using Harness.Core.History;

namespace Harness.Runner;

/// <summary>
/// The single writer of a run's history. Each operation gets the next index and the current run time, is kept in
/// memory, and is appended to <c>history.jsonl</c> and flushed at once, so a harness killed with SIGKILL leaves
/// every operation up to the kill on disk (the kernel keeps what was written; a torn last line is tolerated by
/// the reader).
/// </summary>
public sealed class HistoryRecorder : IDisposable
{
    private readonly object _gate = new();
    private readonly List<Op> _ops = [];
    private readonly FileStream _file;
    private readonly RunClock _clock;

    public HistoryRecorder(string path, RunClock clock)
    {
        _clock = clock;
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096);
    }

    public int Count
    {
        get { lock (_gate) return _ops.Count; }
    }

    public Op Record(OpType type, int process, string f, object? value, string? node = null, string? error = null)
    {
        lock (_gate)
        {
            var op = new Op(_ops.Count, _clock.NowNs, type, process, f, value, node, error);
            _ops.Add(op);
            _file.Write(JsonlHistory.Serialize(op));
            _file.WriteByte((byte)'\n');
            _file.Flush();
            return op;
        }
    }

    /// <summary>A snapshot of everything recorded so far.</summary>
    public IReadOnlyList<Op> Snapshot()
    {
        lock (_gate) return _ops.ToArray();
    }

    public void Dispose()
    {
        lock (_gate) _file.Dispose();
    }
}
