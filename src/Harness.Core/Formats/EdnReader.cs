using Harness.Core.Formats.Internal;

namespace Harness.Core.Formats;

/// <summary>
/// Reads EDN (Clojure's data notation, the format of Jepsen's <c>history.edn</c>) into our plain values:
/// nil / true / false, integers as <see cref="long"/> (floats as <see cref="double"/>), strings (with escapes),
/// keywords as <see cref="History.Keyword"/>, symbols as strings, vectors, lists and <c>#{}</c> sets as
/// <c>object?[]</c>, maps as dictionaries keyed by the key's name (<c>:type</c> becomes "type").
/// Commas are whitespace, <c>;</c> starts a comment, <c>#_</c> discards the next form, and a tagged literal
/// (<c>#inst "..."</c>, <c>#jepsen.history.Op{...}</c>) reads as its untagged form. Malformed input raises
/// <see cref="HistoryFormatException"/> naming the line and column.
/// </summary>
public static class EdnReader
{
    /// <summary>Every top-level form of <paramref name="text"/> with the 1-based line and column where it starts.</summary>
    public static List<(object? Value, int Line, int Column)> ReadAll(string text, string file = "<edn>")
    {
        var parser = new EdnParser(text, file);
        var forms = new List<(object?, int, int)>();
        while (parser.SkipToForm())
        {
            var (line, column) = parser.Position;
            forms.Add((parser.ReadForm(), line, column));
        }
        return forms;
    }

    /// <summary>Exactly one form, e.g. a command-line value such as <c>0</c>, <c>nil</c> or <c>[1 2]</c>.</summary>
    public static object? ParseValue(string text, string source = "<value>")
    {
        var forms = ReadAll(text, source);
        if (forms.Count != 1)
            throw new HistoryFormatException(source, 1, 1, $"exactly one EDN value, found {forms.Count}");
        return forms[0].Value;
    }
}
