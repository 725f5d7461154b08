using System.Buffers.Text;
using Harness.Core.Formats;
using Harness.Core.History;

namespace Harness.Runner;

/// <summary>
/// The single writer of a run's history, streaming: each operation gets the next index and the current run time
/// and is appended to <c>history.jsonl</c> in one unbuffered write (a line reaches the kernel before
/// <see cref="Record"/> returns), so a harness killed with SIGKILL leaves every operation up to the kill on disk
/// (a torn last line is tolerated by the reader). Memory stays flat however long the run: the recorder keeps only the
/// count, the open invocations (one per busy process) and a small window of recent operations; the checkers read the
/// history back from the file after the run. The JSON is serialised outside the lock; under it only the index and time
/// are stamped and the line written, so the order of lines is the order of indices and times.
/// A write that fails (a full disk) breaks the recorder: that and every later <see cref="Record"/> throw a
/// <see cref="HistoryWriteException"/> naming the file, and nothing more is written; the part of the failed line that
/// did reach the disk (a full disk takes a partial write) is cut off again, so the file stays a clean prefix of whole lines.
/// </summary>
public sealed class HistoryRecorder : IDisposable
{
    private const int RecentCapacity = 64;
    private static readonly int TemplateLength = JsonlHistory.Serialize(new Op(0, 0, OpType.Invoke, 0, "f")).AsSpan().IndexOf("\"type\""u8);

    private readonly object _gate = new();
    private readonly Stream _file;
    private readonly RunClock _clock;
    private readonly Op?[] _recent = new Op?[RecentCapacity];
    private readonly Dictionary<int, Op> _open = [];
    private byte[] _line = new byte[512];
    private long _count;
    private long _whole;
    private HistoryWriteException? _broken;

    public HistoryRecorder(string path, RunClock clock)
        : this(path, new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0), clock)
    {
    }

    /// <summary>Records into <paramref name="stream"/> (a test can pass one that fails); <paramref name="path"/> names it in errors.</summary>
    public HistoryRecorder(string path, Stream stream, RunClock clock)
    {
        Path = path;
        _file = stream;
        _clock = clock;
        _whole = stream.CanSeek ? stream.Length : -1;
    }

    /// <summary>The history file.</summary>
    public string Path { get; }

    /// <summary>Operations recorded so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Invocations without a completion yet (client processes only).</summary>
    public int OpenCount
    {
        get { lock (_gate) return _open.Count; }
    }

    public Op Record(OpType type, int process, string f, object? value, string? node = null, string? error = null)
    {
        var body = JsonlHistory.Serialize(new Op(0, 0, type, process, f, value, node, error)).AsSpan(TemplateLength);
        lock (_gate)
        {
            if (_broken is not null) throw _broken;
            var op = new Op(_count, _clock.NowNs, type, process, f, value, node, error);
            Write(op.Index, op.Time, body);
            _recent[_count % RecentCapacity] = op;
            Interlocked.Increment(ref _count);
            if (process != Op.NemesisProcess)
            {
                if (type == OpType.Invoke) _open[process] = op;
                else _open.Remove(process);
            }
            return op;
        }
    }

    /// <summary>The last operations recorded (up to 64), oldest first, for a live display.</summary>
    public IReadOnlyList<Op> Recent()
    {
        lock (_gate)
        {
            var n = (int)Math.Min(_count, RecentCapacity);
            return Enumerable.Range(0, n).Select(i => _recent[(_count - n + i) % RecentCapacity]!).ToList();
        }
    }

    private void Write(long index, long time, ReadOnlySpan<byte> body)
    {
        var need = 48 + body.Length;
        if (_line.Length < need) _line = new byte[Math.Max(need, _line.Length * 2)];
        var span = _line.AsSpan();
        var n = Put(span, "{\"index\":"u8, 0);
        Utf8Formatter.TryFormat(index, span[n..], out var w);
        n = Put(span, ",\"time\":"u8, n + w);
        Utf8Formatter.TryFormat(time, span[n..], out w);
        n = Put(span, ","u8, n + w);
        n = Put(span, body, n);
        span[n++] = (byte)'\n';
        try
        {
            _file.Write(_line, 0, n);
            _file.Flush();
            if (_whole >= 0) _whole += n;
        }
        catch (IOException e)
        {
            _broken = new HistoryWriteException(Path, _count, e);
            TrimTornLine();
            throw _broken;
        }
    }

    /// <summary>Cuts the file back to its last whole line; if even that fails, the reader skips a torn last line.</summary>
    private void TrimTornLine()
    {
        if (_whole < 0) return;
        try
        {
            if (_file.Length > _whole) _file.SetLength(_whole);
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            // left as it is: a torn last line is skipped, with a warning, when the history is read
        }
    }

    private static int Put(Span<byte> span, ReadOnlySpan<byte> bytes, int at)
    {
        bytes.CopyTo(span[at..]);
        return at + bytes.Length;
    }

    public void Dispose()
    {
        lock (_gate) _file.Dispose();
    }
}
