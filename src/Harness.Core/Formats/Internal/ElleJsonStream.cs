using System.Text;
using System.Text.Json;
using Harness.Core.History;

namespace Harness.Core.Formats.Internal;

/// <summary>
/// The streaming half of <see cref="ElleJsonHistory"/>: a <see cref="Utf8JsonReader"/> over a window of the file
/// that slides forward, so a history of any size is read without holding the document (or a DOM of it) in
/// memory. Each operation is parsed straight from the tokens; one that the window cuts short is read again
/// from its start once the window has slid and been refilled (a 1 MiB window, so that is rare). Line numbers stay absolute: the reader's state carries them across windows, and the newlines of
/// the bytes already slid past are counted for errors found by position. Short strings that repeat in every
/// operation (<c>"txn"</c>, <c>"append"</c>, <c>"ok"</c>) and recent integers are shared, not allocated per operation.
/// </summary>
internal sealed class ElleJsonStream(Stream stream, string file)
{
    private byte[] _buffer = new byte[1 << 20];
    private int _length;
    private bool _final;
    private long _passedBytes, _passedLines, _lastLineStart;
    private readonly SharedValues _shared = new();
    private readonly List<Op> _ops = [];
    private long _position;
    private readonly List<List<object?>> _scratch = [];

    /// <summary>0: before the opening '[', 1: inside the array, 2: done.</summary>
    private int _phase;

    /// <summary>The operations one at a time: each window's operations are handed out, then the window slides, so
    /// only one window's worth is ever held here.</summary>
    public IEnumerable<Op> Stream()
    {
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (true)
        {
            Fill();
            var consumed = ReadWindow(ref state);
            foreach (var op in _ops) yield return op;
            _ops.Clear();
            if (_phase == 2) yield break;
            Slide(consumed);
        }
    }

    /// <summary>Reads the whole operations the window holds into <c>_ops</c>; returns the bytes consumed.</summary>
    private int ReadWindow(ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, state);
        try
        {
            Advance(ref reader);
        }
        catch (JsonException e)
        {
            throw new HistoryFormatException(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "valid JSON: " + e.Message);
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private void Fill()
    {
        int n;
        while (!_final && _length < _buffer.Length)
        {
            if ((n = stream.Read(_buffer, _length, _buffer.Length - _length)) == 0) _final = true;
            _length += n;
        }
    }

    private void Slide(int consumed)
    {
        var passed = _buffer.AsSpan(0, consumed);
        var lastNewline = passed.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            _passedLines += passed.Count((byte)'\n');
            _lastLineStart = _passedBytes + lastNewline + 1;
        }
        _passedBytes += consumed;
        Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _length - consumed);
        _length -= consumed;
        if (consumed == 0 && _length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
    }

    /// <summary>Reads as many whole operations as the window holds; leaves the reader before the first that it
    /// does not hold entirely.</summary>
    private void Advance(ref Utf8JsonReader reader)
    {
        if (_phase == 0)
        {
            var before = reader;
            if (!reader.Read())
            {
                if (reader.IsFinalBlock) throw Error(0, "a JSON array of operations");
                reader = before;
                return;
            }
            if (reader.TokenType != JsonTokenType.StartArray) throw Error(reader.TokenStartIndex, "a JSON array of operations");
            _phase = 1;
        }
        while (true)
        {
            var before = reader;
            if (!reader.Read())
            {
                if (reader.IsFinalBlock) throw Error(reader.BytesConsumed, "the closing ']' of the operation array");
                reader = before;
                return;
            }
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                _phase = 2;
                return;
            }
            var start = reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject) throw Error(start, "an operation object");
            try
            {
                _ops.Add(ElleJsonOp.Read(ref reader, _buffer, _position, this));
                _position++;
            }
            catch (ElleJsonOp.NeedMoreData)
            {
                foreach (var list in _scratch) list.Clear();
                reader = before;
                return;
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw Error(start, e.Message);
            }
        }
    }

    /// <summary>The string of the current string token; short unescaped ones are shared.</summary>
    public string String(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetString()! : _shared.String(reader.ValueSpan);

    /// <summary>The boxed integer, shared with recent equal ones (see <see cref="SharedValues"/>).</summary>
    public object Long(long value) => _shared.Long(value);

    /// <summary>A reusable list for the items of an array at <paramref name="depth"/>.</summary>
    public List<object?> Scratch(int depth)
    {
        while (_scratch.Count <= depth) _scratch.Add([]);
        return _scratch[depth];
    }

    private HistoryFormatException Error(long offset, string expected)
    {
        var before = _buffer.AsSpan(0, (int)Math.Min(offset, _length));
        var newline = before.LastIndexOf((byte)'\n');
        var line = _passedLines + before.Count((byte)'\n') + 1;
        var column = newline >= 0 ? offset - newline : _passedBytes + offset - _lastLineStart + 1;
        return new HistoryFormatException(file, (int)line, (int)column, expected);
    }
}
