using System.Text;
using System.Text.Json;
using Harness.Core.Formats;

namespace Harness.Core.Databases;

/// <summary>
/// The <c>lag.jsonl</c> of a run: one <see cref="LagSample"/> per line, e.g.
/// <c>{"time":2000000000,"node":"pg2","replay-lag-ms":12.5,"lsn-behind-bytes":4096,"state":"streaming"}</c>.
/// <c>time</c> is nanoseconds since the run started (the history's clock); fields the database could not report
/// are left out. Like <see cref="JsonlHistory"/>, the file is appended while the run goes on, so a torn last
/// line (the writer was killed mid-line) is dropped and any other bad line names its file, line and column.
/// </summary>
public static class LagJsonl
{
    public static string Serialize(LagSample s)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(160);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("time", s.Time);
            w.WriteString("node", s.Node);
            if (s.WriteLagMs is { } write) w.WriteNumber("write-lag-ms", write);
            if (s.FlushLagMs is { } flush) w.WriteNumber("flush-lag-ms", flush);
            if (s.ReplayLagMs is { } replay) w.WriteNumber("replay-lag-ms", replay);
            if (s.LsnBehindBytes is { } behind) w.WriteNumber("lsn-behind-bytes", behind);
            if (s.ReplayAgeMs is { } age) w.WriteNumber("replay-age-ms", age);
            if (s.State is not null) w.WriteString("state", s.State);
            if (s.HeartbeatLagMs is { } heartbeat) w.WriteNumber("heartbeat-lag-ms", heartbeat);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(string path, IEnumerable<LagSample> samples) =>
        File.WriteAllLines(path, samples.Select(Serialize), new UTF8Encoding(false));

    public static List<LagSample> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var last = lines.Length;
        while (last > 0 && string.IsNullOrWhiteSpace(lines[last - 1])) last--;
        var samples = new List<LagSample>(last);
        for (var i = 0; i < last; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            try
            {
                samples.Add(Parse(lines[i]));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException && i == last - 1)
            {
                // a torn final line from a killed writer: everything before it is intact
            }
            catch (JsonException e)
            {
                throw new HistoryFormatException(path, i + 1, (int)(e.BytePositionInLine ?? 0) + 1, "a JSON lag sample per line: " + e.Message);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new HistoryFormatException(path, i + 1, 1, "a JSON lag sample per line: " + e.Message);
            }
        }
        return samples;
    }

    public static LagSample Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
        if (!root.TryGetProperty("time", out var time)) throw new FormatException("missing field \"time\"");
        if (!root.TryGetProperty("node", out var node) || node.ValueKind != JsonValueKind.String)
            throw new FormatException("missing string field \"node\"");
        return new LagSample(
            time.GetInt64(),
            node.GetString()!,
            Double(root, "write-lag-ms"),
            Double(root, "flush-lag-ms"),
            Double(root, "replay-lag-ms"),
            root.TryGetProperty("lsn-behind-bytes", out var b) && b.ValueKind != JsonValueKind.Null ? b.GetInt64() : null,
            Double(root, "replay-age-ms"),
            root.TryGetProperty("state", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString() : null,
            Double(root, "heartbeat-lag-ms"));
    }

    private static double? Double(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetDouble() : null;
}
