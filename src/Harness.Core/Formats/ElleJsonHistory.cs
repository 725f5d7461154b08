using System.Text;
using System.Text.Json;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads the JSON histories that elle-cli accepts: one JSON array of operation objects such as
/// <c>{"index":0,"type":"invoke","process":0,"f":"txn","value":[["append",1,2],["r",3,null]]}</c>.
/// Clojure keywords arrive as strings, with or without their colon (<c>":invoke"</c> or <c>"invoke"</c>), so the
/// colon is dropped from <c>type</c>, <c>f</c> and each micro-op's function name. <c>process</c> may be an integer
/// or <c>"nemesis"</c>; <c>index</c> and <c>time</c> are optional (the position and 0 stand in). Anything malformed
/// is a <see cref="HistoryFormatException"/> naming the file, line and column of the offending operation.
/// </summary>
public static class ElleJsonHistory
{
    public static List<Op> Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Writes <paramref name="ops"/> as elle-cli reads them: one JSON array, one operation per line.</summary>
    public static void Write(string path, IEnumerable<Op> ops)
    {
        using var stream = new BufferedStream(File.Create(path), 1 << 16);
        stream.WriteByte((byte)'[');
        var first = true;
        foreach (var op in ops)
        {
            if (!first) stream.Write(",\n"u8);
            first = false;
            stream.Write(JsonlHistory.Serialize(op));
        }
        stream.Write("]\n"u8);
    }

    public static List<Op> Parse(string json, string file = "<string>") => Parse(Encoding.UTF8.GetBytes(json), file);

    public static List<Op> Parse(byte[] utf8, string file)
    {
        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var ops = new List<Op>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                throw Error(file, lines, reader.TokenStartIndex, "a JSON array of operations");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw Error(file, lines, start, "an operation object");
                using var doc = JsonDocument.ParseValue(ref reader);
                try
                {
                    ops.Add(ParseOp(doc.RootElement, ops.Count));
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException)
                {
                    throw Error(file, lines, start, e.Message);
                }
            }
            if (reader.TokenType != JsonTokenType.EndArray)
                throw Error(file, lines, reader.BytesConsumed, "the closing ']' of the operation array");
        }
        catch (JsonException e)
        {
            throw new HistoryFormatException(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "valid JSON: " + e.Message);
        }
        return ops;
    }

    private static Op ParseOp(JsonElement root, long position)
    {
        var type = JsonValues.ParseType(Required(root, "type").GetString());
        var p = Required(root, "process");
        var process = p.ValueKind switch
        {
            JsonValueKind.Number when p.TryGetInt32(out var n) => n,
            JsonValueKind.String when Bare(p.GetString()) == "nemesis" => Op.NemesisProcess,
            _ => throw new FormatException("\"process\" must be an integer or \"nemesis\""),
        };
        var f = Required(root, "f");
        if (f.ValueKind != JsonValueKind.String) throw new FormatException("\"f\" must be a string");
        var value = root.TryGetProperty("value", out var v) ? JsonValues.Read(v) : null;
        return new Op(
            root.TryGetProperty("index", out var ix) && ix.ValueKind == JsonValueKind.Number ? ix.GetInt64() : position,
            root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : 0,
            type,
            process,
            Bare(f.GetString())!,
            NormaliseMicroOps(value),
            root.TryGetProperty("node", out var node) && node.ValueKind == JsonValueKind.String ? node.GetString() : null,
            root.TryGetProperty("error", out var err) && err.ValueKind != JsonValueKind.Null ? err.ToString() : null);
    }

    /// <summary>Drops the colon from each micro-op's function name: [":append", 1, 2] becomes ["append", 1, 2].</summary>
    private static object? NormaliseMicroOps(object? value)
    {
        if (value is not object?[] list) return value;
        foreach (var item in list)
            if (item is object?[] { Length: > 0 } mop && mop[0] is string name)
                mop[0] = Bare(name);
        return value;
    }

    private static string? Bare(string? s) => s is { Length: > 1 } && s[0] == ':' ? s[1..] : s;

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) ? e : throw new FormatException($"missing field \"{name}\"");

    private static HistoryFormatException Error(string file, LineMap lines, long offset, string expected)
    {
        var (line, column) = lines.Locate(offset);
        return new HistoryFormatException(file, line, column, expected);
    }

    /// <summary>Turns byte offsets into 1-based line and column numbers.</summary>
    private sealed class LineMap
    {
        private readonly List<long> _starts = [0];

        public LineMap(byte[] utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
                if (utf8[i] == (byte)'\n') _starts.Add(i + 1);
        }

        public (int Line, int Column) Locate(long offset)
        {
            var i = _starts.BinarySearch(offset);
            if (i < 0) i = ~i - 1;
            return (i + 1, (int)(offset - _starts[i]) + 1);
        }
    }
}
