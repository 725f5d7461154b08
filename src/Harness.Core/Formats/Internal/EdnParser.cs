using System.Globalization;
using System.Text;
using Harness.Core.History;

namespace Harness.Core.Formats.Internal;

/// <summary>A recursive-descent EDN parser over a string, tracking line and column for error messages. Nesting
/// (collections, tags, <c>#_</c>) deeper than <see cref="MaxDepth"/> is rejected as bad input rather than
/// allowed to overflow the stack.</summary>
internal sealed class EdnParser(string text, string file)
{
    /// <summary>Far deeper than any history value (a transaction is 3-4 levels), far shallower than the stack.</summary>
    public const int MaxDepth = 512;

    private int _pos;
    private int _depth;
    private int _line = 1;
    private int _lineStart;

    public (int Line, int Column) Position => (_line, _pos - _lineStart + 1);

    /// <summary>Skips whitespace, commas, comments and discarded forms; false at the end of input.</summary>
    public bool SkipToForm()
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '\n') { _pos++; _line++; _lineStart = _pos; }
            else if (char.IsWhiteSpace(c) || c == ',') _pos++;
            else if (c == ';') { while (_pos < text.Length && text[_pos] != '\n') _pos++; }
            else if (c == '#' && Peek(1) == '_') { _pos += 2; if (!SkipToForm()) throw Error("a form after #_"); ReadForm(); }
            else return true;
        }
        return false;
    }

    public object? ReadForm()
    {
        if (++_depth > MaxDepth) throw Error($"values nested at most {MaxDepth} deep");
        try
        {
            return ReadFormAtDepth();
        }
        finally
        {
            _depth--;
        }
    }

    private object? ReadFormAtDepth()
    {
        if (!SkipToForm()) throw Error("a value");
        var c = text[_pos];
        switch (c)
        {
            case '[': _pos++; return ReadSequence(']');
            case '(': _pos++; return ReadSequence(')');
            case '{': _pos++; return ReadMap();
            case '"': return ReadString();
            case ':': _pos++; return new Keyword(ReadToken("a keyword name"));
            case '\\': _pos++; return ReadCharacter();
            case '#': return ReadDispatch();
            case ']' or ')' or '}': throw Error($"a value, not '{c}'");
            default: return ReadAtom();
        }
    }

    private object? ReadDispatch()
    {
        _pos++;
        if (Peek(0) == '{') { _pos++; return ReadSequence('}'); }
        if (_pos < text.Length && char.IsLetter(text[_pos]))
        {
            ReadToken("a tag");
            return ReadForm();
        }
        throw Error("#{, #_ or a tagged literal after #");
    }

    private object?[] ReadSequence(char close)
    {
        var items = new List<object?>();
        while (true)
        {
            if (!SkipToForm()) throw Error($"'{close}' before the end of input");
            if (text[_pos] == close) { _pos++; return [.. items]; }
            items.Add(ReadForm());
        }
    }

    private Dictionary<string, object?> ReadMap()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            if (!SkipToForm()) throw Error("'}' before the end of input");
            if (text[_pos] == '}') { _pos++; return map; }
            var key = ReadForm();
            if (!SkipToForm() || text[_pos] == '}') throw Error($"a value for map key {ValueText.Format(key)}");
            map[KeyName(key)] = ReadForm();
        }
    }

    private static string KeyName(object? key) => key switch
    {
        Keyword k => k.Name,
        string s => s,
        _ => ValueText.Format(key),
    };

    private string ReadString()
    {
        var sb = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= text.Length) throw Error("a closing '\"'");
            var c = text[_pos++];
            if (c == '"') return sb.ToString();
            if (c == '\n') { _line++; _lineStart = _pos; }
            if (c != '\\') { sb.Append(c); continue; }
            if (_pos >= text.Length) throw Error("an escape after '\\'");
            var e = text[_pos++];
            sb.Append(e switch
            {
                'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', '"' => '"', '\\' => '\\',
                'u' => ReadUnicode(),
                _ => throw Error($"a string escape (\\n \\t \\r \\\" \\\\ \\uXXXX), not \\{e}", -2),
            });
        }
    }

    private char ReadUnicode()
    {
        if (_pos + 4 > text.Length || !ushort.TryParse(text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            throw Error("four hex digits after \\u");
        _pos += 4;
        return (char)code;
    }

    private string ReadCharacter()
    {
        var token = _pos < text.Length && !IsDelimiter(text[_pos]) ? ReadToken("a character") : "";
        return token switch
        {
            "newline" => "\n", "space" => " ", "tab" => "\t", "return" => "\r",
            "" => _pos < text.Length ? text[_pos++].ToString() : throw Error("a character after \\"),
            _ => token,
        };
    }

    private object? ReadAtom()
    {
        var (line, column) = Position;
        var token = ReadToken("a value");
        switch (token)
        {
            case "nil": return null;
            case "true": return true;
            case "false": return false;
        }
        var c = token[0];
        if (char.IsDigit(c) || ((c == '-' || c == '+') && token.Length > 1 && char.IsDigit(token[1])))
            return ParseNumber(token, line, column);
        return token;
    }

    private object ParseNumber(string token, int line, int column)
    {
        var t = token.TrimEnd('N', 'M');
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        throw new HistoryFormatException(file, line, column, $"a number, not \"{token}\"");
    }

    private string ReadToken(string what)
    {
        var start = _pos;
        while (_pos < text.Length && !IsDelimiter(text[_pos])) _pos++;
        if (_pos == start) throw Error(what);
        return text[start.._pos];
    }

    private static bool IsDelimiter(char c) =>
        char.IsWhiteSpace(c) || c is ',' or ';' or '(' or ')' or '[' or ']' or '{' or '}' or '"';

    private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

    private HistoryFormatException Error(string expected, int columnShift = 0)
    {
        var (line, column) = Position;
        var found = _pos < text.Length ? $" (found '{text[_pos]}')" : " (found the end of input)";
        return new HistoryFormatException(file, line, Math.Max(1, column + columnShift), "expected " + expected + found);
    }
}
