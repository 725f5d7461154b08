using System.Text;
using System.Text.Json;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads a <c>history.jsonl</c> (our format, see <see cref="JsonlHistory"/>) as a stream of lines rather than one
/// string, and keeps the result compact: each operation name, node and error text is held once however many operations
/// carry it, and small values (a register's <c>3</c>, a keyed write's <c>[7, 3]</c>) are shared between the operations
/// that carry equal ones, since a long history repeats them millions of times. What stays per operation is the
/// <see cref="Op"/> itself. Values must therefore be treated as immutable (checkers never change them). Bad lines are
/// errors naming file and line, except a torn last line (no newline after it: the writer was killed), which is skipped
/// with a warning, as <see cref="JsonlHistory.Read"/> does.
/// </summary>
public static class CompactHistoryReader
{
    private const int MaxSharedValueLength = 48;
    private const int MaxSharedValues = 1 << 16;

    public static List<Op> Read(string path, Action<string>? warn = null)
    {
        var ops = new List<Op>();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var torn = EndsTorn(path);
        using var reader = new StreamReader(path, Encoding.UTF8, false, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        var number = 0;
        var next = reader.ReadLine();
        while (next is not null)
        {
            var current = next;
            next = reader.ReadLine(); // one line of look-ahead: the last line is known to be last when it is parsed
            number++;
            if (string.IsNullOrWhiteSpace(current)) continue;
            try
            {
                ops.Add(Parse(current, ops.Count, strings, values));
            }
            catch (Exception e) when (next is null && torn && number > 1 && e is JsonException or FormatException or InvalidOperationException)
            {
                warn?.Invoke(Internal.TornTail.Warning(path, number));
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
        ops.TrimExcess();
        return ops;
    }

    private static bool EndsTorn(string path)
    {
        using var s = File.OpenRead(path);
        if (s.Length == 0) return false;
        s.Seek(-1, SeekOrigin.End);
        return s.ReadByte() != '\n';
    }

    private static Op Parse(string line, long defaultIndex, Dictionary<string, string> strings, Dictionary<string, object?> values) =>
        JsonlHistory.Parse(line, defaultIndex, s => Shared(strings, s), v => Value(v, values));

    private static object? Value(JsonElement v, Dictionary<string, object?> values)
    {
        if (v.ValueKind is JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False) return JsonValues.Read(v);
        var raw = v.GetRawText();
        if (raw.Length > MaxSharedValueLength) return JsonValues.Read(v);
        if (values.TryGetValue(raw, out var shared)) return shared;
        var value = JsonValues.Read(v);
        if (values.Count < MaxSharedValues) values[raw] = value;
        return value;
    }

    private static string Shared(Dictionary<string, string> strings, string s)
    {
        if (strings.TryGetValue(s, out var shared)) return shared;
        if (strings.Count < MaxSharedValues) strings[s] = s;
        return s;
    }
}
