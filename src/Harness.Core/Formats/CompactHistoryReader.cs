using System.Text;
using System.Text.Json;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads a <c>history.jsonl</c> (our format, see <see cref="JsonlHistory"/>) as a stream of lines rather than one
/// string, and keeps the result compact: the operations are held by columns (<see cref="CompactOpList"/>, about 33
/// bytes each), each operation name, node and error text is held once however many operations carry it, and small
/// values (a register's <c>3</c>, a keyed write's <c>[7, 3]</c>) are shared between the operations that carry equal
/// ones, as are the integers inside them, since a long history repeats them millions of times. Sharing looks back over
/// the last ~64k distinct values (the cache starts afresh when full), which covers an invocation and its completion
/// and a key's reads of its writes. Values must therefore be treated as immutable (checkers never change them). Bad lines are
/// errors naming file and line, except a torn last line (no newline after it: the writer was killed), which is skipped
/// with a warning, as <see cref="JsonlHistory.Read"/> does.
/// </summary>
public static class CompactHistoryReader
{
    private const int MaxSharedValueLength = 48;
    private const int MaxSharedValues = 1 << 16;

    public static IReadOnlyList<Op> Read(string path, Action<string>? warn = null)
    {
        var ops = new CompactOpList();
        foreach (var op in Each(path, warn, s => ops.Share(s)!)) ops.Add(op);
        return ops;
    }

    /// <summary>The file's operations one at a time, in file order, with the same values, sharing and errors as
    /// <see cref="Read"/>, holding none of them: a caller that checks them as they pass never holds the history.</summary>
    public static IEnumerable<Op> Stream(string path, Action<string>? warn = null)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        return Each(path, warn, s => strings.TryGetValue(s, out var held) ? held : strings[s] = s);
    }

    private static IEnumerable<Op> Each(string path, Action<string>? warn, Func<string, string> share)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var longs = new Dictionary<long, object>();
        var torn = EndsTorn(path);
        using var reader = new StreamReader(path, Encoding.UTF8, false, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        var number = 0;
        var count = 0L;
        var next = reader.ReadLine();
        while (next is not null)
        {
            var current = next;
            next = reader.ReadLine(); // one line of look-ahead: the last line is known to be last when it is parsed
            number++;
            if (string.IsNullOrWhiteSpace(current)) continue;
            var op = ParseLine(path, current, number, count, next is null && torn, warn, share, v => Value(v, values, longs));
            if (op is null) continue;
            count++;
            yield return op;
        }
    }

    /// <summary>One line, or null for a torn last line (skipped with a warning).</summary>
    private static Op? ParseLine(string path, string line, int number, long count, bool mayBeTorn, Action<string>? warn,
        Func<string, string> share, Func<JsonElement, object?> value)
    {
        try
        {
            return JsonlHistory.Parse(line, count, share, value);
        }
        catch (Exception e) when (mayBeTorn && number > 1 && e is JsonException or FormatException or InvalidOperationException)
        {
            warn?.Invoke(Internal.TornTail.Warning(path, number));
            return null;
        }
        catch (JsonException e)
        {
            throw new HistoryFormatException(path, number, (int)(e.BytePositionInLine ?? 0) + 1, "a JSON object per line: " + e.Message);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new HistoryFormatException(path, number, 1, e.Message);
        }
    }

    private static bool EndsTorn(string path)
    {
        using var s = File.OpenRead(path);
        if (s.Length == 0) return false;
        s.Seek(-1, SeekOrigin.End);
        return s.ReadByte() != '\n';
    }

    private static object? Value(JsonElement v, Dictionary<string, object?> values, Dictionary<long, object> longs)
    {
        if (v.ValueKind is JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False) return JsonValues.Read(v);
        var raw = v.GetRawText();
        if (raw.Length > MaxSharedValueLength) return ShareLongs(JsonValues.Read(v), longs);
        if (values.TryGetValue(raw, out var shared)) return shared;
        var value = ShareLongs(JsonValues.Read(v), longs);
        if (values.Count >= MaxSharedValues) values.Clear(); // a new generation: recent values are the ones repeated
        values[raw] = value;
        return value;
    }

    /// <summary>Replaces each boxed integer inside a freshly parsed value by a shared box of the same number.</summary>
    private static object? ShareLongs(object? value, Dictionary<long, object> longs)
    {
        switch (value)
        {
            case long l:
                if (longs.TryGetValue(l, out var box)) return box;
                if (longs.Count >= MaxSharedValues) longs.Clear();
                longs[l] = value;
                return value;
            case object?[] items:
                for (var i = 0; i < items.Length; i++) items[i] = ShareLongs(items[i], longs);
                return items;
            default:
                return value;
        }
    }
}
