namespace Harness.Core.Formats.Internal;

/// <summary>The values of the fast path (see the first part): literals, integers and arrays, as the full reader
/// builds them (shared boxes for integers, <c>object?[]</c> for arrays, the empty array shared).</summary>
internal sealed partial class ElleJsonFastReader
{
    /// <summary>Sentinel for "outside the grammar (or cut)" from the value parser.</summary>
    private static readonly object Fail = new();

    /// <summary>The literal at <c>_pos</c>, consumed if it is followed by a delimiter.</summary>
    private bool Literal(ReadOnlySpan<byte> word)
    {
        if (_pos + word.Length >= _length) { _cut = !_final; return false; }
        if (!_buffer.AsSpan(_pos, word.Length).SequenceEqual(word) || !Delimiter(_buffer[_pos + word.Length])) return false;
        _pos += word.Length;
        return true;
    }

    private static bool Delimiter(byte b) => b is (byte)',' or (byte)']' or (byte)'}' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    /// <summary>An integer of at most 18 digits (no fraction, exponent or leading zero): true; outside: false; cut: null.</summary>
    private bool? Integer(out long value)
    {
        value = 0;
        var i = _pos;
        var negative = i < _length && _buffer[i] == '-';
        if (negative) i++;
        var first = i;
        while (i < _length && _buffer[i] is >= (byte)'0' and <= (byte)'9') value = value * 10 + (_buffer[i++] - '0');
        if (i >= _length) { _cut = !_final; return _final ? false : null; }
        var digits = i - first;
        if (digits == 0 || digits > 18 || (digits > 1 && _buffer[first] == '0') || !Delimiter(_buffer[i])) return false;
        if (negative) value = -value;
        _pos = i;
        return true;
    }

    /// <summary>A value inside "value": null, true, false, an integer, a plain string or an array of values; else <see cref="Fail"/>.</summary>
    private object? Value(int depth)
    {
        switch (_buffer[_pos])
        {
            case (byte)'n': return Literal("null"u8) ? null : Fail;
            case (byte)'t': return Literal("true"u8) ? true : Fail;
            case (byte)'f': return Literal("false"u8) ? false : Fail;
            case (byte)'"': return StringSpan() is { IsEmpty: false } s ? Share(s) : Fail;
            case (byte)'[': return depth >= MaxDepth ? Fail : List(depth);
            default: return Integer(out var l) is true ? Long(l) : Fail;
        }
    }

    private object? List(int depth)
    {
        _pos++;
        while (_scratch.Count <= depth) _scratch.Add([]);
        var items = _scratch[depth];
        items.Clear();
        if (!SkipTo(out var b)) return Fail;
        if (b == ']')
        {
            _pos++;
            return Array.Empty<object?>();
        }
        while (true)
        {
            var item = Value(depth + 1);
            if (item == Fail) return Fail;
            items.Add(item);
            if (!SkipTo(out b)) return Fail;
            _pos++;
            if (b == ']') break;
            if (b != ',' || !SkipTo(out _)) return Fail;
        }
        var array = items.ToArray();
        items.Clear();
        return array;
    }
}
