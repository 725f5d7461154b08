using System.Text;
using Harness.Core.History;

namespace Harness.Core.Formats.Internal;

/// <summary>
/// The fast path of <see cref="ElleJsonHistory"/>: a byte scanner for the plain JSON that elle-cli histories are made
/// of (objects of integer, ASCII-string, null and boolean fields; arrays of those; no escapes, fractions, comments or
/// nested objects), about four times cheaper than <see cref="System.Text.Json.Utf8JsonReader"/> on a
/// million-transaction file because it validates only that grammar. It never decides an error: at the first byte
/// outside its grammar (an error or merely something richer) it stops, <see cref="Stopped"/> is set, and the caller
/// reads the file again with the full reader (<see cref="ElleJsonStream"/>), skipping the operations already handed
/// out, so answers and error messages are exactly the full reader's. Values are built as the full reader builds them
/// (shared short strings and recent integers, <c>object?[]</c> lists, bare micro-op names).
/// </summary>
internal sealed partial class ElleJsonFastReader(Stream stream)
{
    private const int MaxDepth = 32;
    private byte[] _buffer = new byte[1 << 20];
    private int _length, _pos;
    private bool _final;
    private bool _afterOperation;
    private readonly SharedValues _shared = new();
    private readonly List<List<object?>> _scratch = [];

    /// <summary>True when the scan stopped before the end of the operation array (the caller must read on with the full reader).</summary>
    public bool Stopped { get; private set; }

    /// <summary>The operations, until the closing ']' or the first thing outside the grammar.</summary>
    public IEnumerable<Op> Read()
    {
        var ops = new List<Op>();
        long position = 0;
        Fill();
        if (!Opening()) { Stopped = true; yield break; }
        while (true)
        {
            var done = ReadWindow(ops, ref position);
            foreach (var op in ops) yield return op;
            ops.Clear();
            if (done) yield break;
            if (Stopped || _final) { Stopped = true; yield break; }
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _length - _pos);
            _length -= _pos;
            _pos = 0;
            if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            Fill();
        }
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

    private bool Opening()
    {
        SkipWhitespace();
        if (_pos >= _length || _buffer[_pos] != '[') return false;
        _pos++;
        SkipWhitespace();
        return true;
    }

    /// <summary>Reads the whole operations in the window; true at the closing ']'. Leaves <c>_pos</c> at the start
    /// of the first operation not read (window cut or outside the grammar: then <see cref="Stopped"/>).</summary>
    private bool ReadWindow(List<Op> ops, ref long position)
    {
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _length) return false;
            if (_afterOperation) // the window may end between an operation and its ',' or the closing ']'
            {
                var b = _buffer[_pos];
                if (b == ']') return true;
                if (b != ',') { Stopped = true; return false; }
                _pos++;
                _afterOperation = false;
                continue;
            }
            if (_buffer[_pos] == ']') return position > 0 ? TrailingComma() : true;
            var start = _pos;
            var op = Operation(position);
            if (op is null)
            {
                _pos = start;
                if (!_cut) Stopped = true;
                return false;
            }
            ops.Add(op);
            position++;
            _afterOperation = true;
        }
    }

    /// <summary>"[..., ]": the full reader (trailing commas allowed) decides.</summary>
    private bool TrailingComma()
    {
        Stopped = true;
        return false;
    }

    private void SkipWhitespace()
    {
        while (_pos < _length && _buffer[_pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') _pos++;
    }

    private string Share(ReadOnlySpan<byte> span) => _shared.String(span);

    private object Long(long value) => _shared.Long(value);
}
