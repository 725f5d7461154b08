using Harness.Core.History;

namespace Harness.Core.Formats.Internal;

/// <summary>One operation object of the fast path (see the first part; values in the third).</summary>
internal sealed partial class ElleJsonFastReader
{
    /// <summary>Set when the last <see cref="Operation"/> failed only because the window ended inside it.</summary>
    private bool _cut;

    /// <summary>The operation object at <c>_pos</c> (which must be '{'), or null: cut by the window's end (then
    /// <c>_cut</c>) or outside the grammar.</summary>
    private Op? Operation(long position)
    {
        _cut = false;
        if (_buffer[_pos] != '{') return null;
        _pos++;
        long? index = null, time = null;
        string? type = null, f = null, node = null, error = null;
        int? process = null;
        object? value = null;
        if (!SkipTo(out var b)) return null;
        if (b == '}') return null; // no fields: the full reader says what is missing
        while (true)
        {
            if (b != '"') return null;
            var name = StringSpan();
            if (name.IsEmpty && _cut) return null;
            if (!SkipTo(out b) || b != ':') return null;
            _pos++;
            if (!SkipTo(out b)) return null;
            switch (name.Length > 0 ? name[0] : 0)
            {
                case (byte)'t' when name.SequenceEqual("type"u8): if ((type = StringField()) is null) return null; break;
                case (byte)'f' when name.SequenceEqual("f"u8): if ((f = StringField()) is null) return null; break;
                case (byte)'p' when name.SequenceEqual("process"u8): if ((process = Process()) is null) return null; break;
                case (byte)'i' when name.SequenceEqual("index"u8): if (Integer(out var i) is not true) return null; index = i; break;
                case (byte)'t' when name.SequenceEqual("time"u8): if (Integer(out var t) is not true) return null; time = t; break;
                case (byte)'v' when name.SequenceEqual("value"u8): if ((value = Value(1)) == Fail) return null; break;
                case (byte)'n' when name.SequenceEqual("node"u8): if (!NullableString(out node)) return null; break;
                case (byte)'e' when name.SequenceEqual("error"u8): if (!ErrorField(out error)) return null; break;
                default: return null; // a field we do not read: the full reader skips it
            }
            if (!SkipTo(out b)) return null;
            _pos++;
            if (b == '}') break;
            if (b != ',' || !SkipTo(out b)) return null;
        }
        if (type is null || process is null || f is null) return null;
        OpType kind;
        try
        {
            kind = JsonValues.ParseType(type);
        }
        catch (FormatException)
        {
            return null;
        }
        return new Op(index ?? position, time ?? 0, kind, process.Value, ElleJsonOp.Bare(f), ElleJsonOp.NormaliseMicroOps(value), node, error);
    }

    /// <summary>An integer process, or "nemesis" (with or without its colon); null otherwise.</summary>
    private int? Process()
    {
        if (_buffer[_pos] == '"')
            return StringSpan() is { IsEmpty: false } s && ElleJsonOp.Bare(Share(s)) == "nemesis" ? Op.NemesisProcess : null;
        return Integer(out var p) is true && p is >= int.MinValue and <= int.MaxValue ? (int)p : null;
    }

    /// <summary>Skips whitespace; false (and <c>_cut</c> unless the input is final) at the window's end.</summary>
    private bool SkipTo(out byte b)
    {
        SkipWhitespace();
        if (_pos < _length) { b = _buffer[_pos]; return true; }
        b = 0;
        _cut = !_final;
        return false;
    }

    /// <summary>The bytes of the plain ASCII string at <c>_pos</c> (no escapes or control characters), consumed; empty
    /// and not consumed when outside the grammar or cut (<c>_cut</c>). An empty string is outside the grammar too.</summary>
    private ReadOnlySpan<byte> StringSpan()
    {
        var start = _pos + 1;
        for (var i = start; i < _length; i++)
        {
            var c = _buffer[i];
            if (c == '"')
            {
                if (i == start) return default;
                _pos = i + 1;
                return _buffer.AsSpan(start, i - start);
            }
            if (c is < 0x20 or >= 0x80 or (byte)'\\') return default;
        }
        _cut = !_final;
        return default;
    }

    private string? StringField() => _buffer[_pos] == '"' && StringSpan() is { IsEmpty: false } s ? Share(s) : null;

    private bool NullableString(out string? text)
    {
        text = null;
        if (_buffer[_pos] == 'n') return Literal("null"u8);
        if (_buffer[_pos] != '"' || StringSpan() is not { IsEmpty: false } s) return false;
        text = System.Text.Encoding.ASCII.GetString(s);
        return true;
    }

    /// <summary>As the full reader's error text: a string's text, True / False, null; anything else is outside the grammar.</summary>
    private bool ErrorField(out string? text)
    {
        text = null;
        switch (_buffer[_pos])
        {
            case (byte)'t': text = bool.TrueString; return Literal("true"u8);
            case (byte)'f': text = bool.FalseString; return Literal("false"u8);
            default: return NullableString(out text);
        }
    }
}
