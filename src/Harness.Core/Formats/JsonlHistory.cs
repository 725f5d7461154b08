using System.Text;
using System.Text.Json;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Our history file: one JSON object per line, <c>{"index":0,"time":1200,"type":"invoke","process":0,"f":"write",
/// "value":3,"node":"pg1"}</c>; the nemesis's process is the string "nemesis". Lines are appended and flushed as
/// operations happen, so a harness killed mid-run leaves a readable prefix. A torn last line (the kill came
/// mid-write: the line is cut short and no newline follows it) is skipped with a warning naming file and line when
/// <c>tolerateTornTail</c> is set; any other bad line is an error naming file, line and column. JSON nested deeper than System.Text.Json's limit (64) is such an error.
/// </summary>
public static class JsonlHistory
{
    public static byte[] Serialize(Op op)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("index", op.Index);
            w.WriteNumber("time", op.Time);
            w.WriteString("type", TypeName(op.Type));
            if (op.IsNemesis) w.WriteString("process", "nemesis");
            else w.WriteNumber("process", op.Process);
            w.WriteString("f", op.F);
            w.WritePropertyName("value");
            JsonValues.Write(w, op.Value);
            if (op.Node is not null) w.WriteString("node", op.Node);
            if (op.Error is not null) w.WriteString("error", op.Error);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string TypeName(OpType t) => t switch
    {
        OpType.Invoke => "invoke",
        OpType.Ok => "ok",
        OpType.Fail => "fail",
        _ => "info",
    };

    public static void Write(string path, IEnumerable<Op> ops)
    {
        using var stream = File.Create(path);
        foreach (var op in ops)
        {
            stream.Write(Serialize(op));
            stream.WriteByte((byte)'\n');
        }
    }

    public static List<Op> Read(string path, bool tolerateTornTail = true, Action<string>? warn = null)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var lines = Internal.TornTail.Lines(text);
        var torn = Internal.TornTail.EndsTorn(text);
        var ops = new List<Op>(lines.Length);
        var last = lines.Length;
        while (last > 0 && string.IsNullOrWhiteSpace(lines[last - 1])) last--;
        for (var i = 0; i < last; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            try
            {
                ops.Add(Parse(lines[i], ops.Count));
            }
            catch (Exception e) when (tolerateTornTail && torn && i == lines.Length - 1 && i > 0 && e is JsonException or FormatException or InvalidOperationException)
            {
                warn?.Invoke(Internal.TornTail.Warning(path, i + 1)); // a killed writer: everything before it is intact
            }
            catch (JsonException e)
            {
                throw new HistoryFormatException(path, i + 1, (int)(e.BytePositionInLine ?? 0) + 1, "a JSON object per line: " + e.Message);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new HistoryFormatException(path, i + 1, 1, e.Message);
            }
        }
        return ops;
    }

    public static Op Parse(string line, long defaultIndex) => Parse(line, defaultIndex, static s => s, JsonValues.Read);

    /// <summary>Parses one line; <paramref name="share"/> may intern strings (f, node, error) and
    /// <paramref name="value"/> may share equal values (the compact reader of long histories does both).</summary>
    internal static Op Parse(string line, long defaultIndex, Func<string, string> share, Func<JsonElement, object?> value)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
        var type = JsonValues.ParseType(Required(root, "type").GetString());
        var p = Required(root, "process");
        var process = p.ValueKind == JsonValueKind.String
            ? p.GetString() == "nemesis" ? Op.NemesisProcess : throw new FormatException("\"process\" must be an integer or \"nemesis\"")
            : p.GetInt32();
        return new Op(
            root.TryGetProperty("index", out var ix) ? ix.GetInt64() : defaultIndex,
            root.TryGetProperty("time", out var t) ? t.GetInt64() : 0,
            type,
            process,
            share(Required(root, "f").GetString() ?? throw new FormatException("\"f\" must be a string")),
            root.TryGetProperty("value", out var v) ? value(v) : null,
            root.TryGetProperty("node", out var n) && n.ValueKind == JsonValueKind.String ? share(n.GetString()!) : null,
            root.TryGetProperty("error", out var err) && err.ValueKind != JsonValueKind.Null ? share(err.ToString()) : null);
    }

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) ? e : throw new FormatException($"missing field \"{name}\"");
}
