using System.Text.Json;
using Harness.Core.Formats;

namespace Harness.Core.Checking.Internal;

/// <summary>Reads the JSON written by <see cref="CheckResultJson"/>. Syntax errors carry the parser's line and
/// column; a well-formed document of the wrong shape names the JSON path of the offending field.</summary>
internal static class CheckResultJsonReader
{
    public static CheckResult Read(string file, string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new HistoryFormatException(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                "a JSON check result: " + e.Message);
        }
        using (doc)
        {
            try
            {
                return ReadResult(doc.RootElement, "$");
            }
            catch (ShapeException e)
            {
                throw new HistoryFormatException(file, 1, 1, e.Message);
            }
        }
    }

    private sealed class ShapeException(string message) : Exception(message);

    private static CheckResult ReadResult(JsonElement e, string path)
    {
        RequireKind(e, JsonValueKind.Object, path, "an object");
        var validity = String(e, "validity", path) switch
        {
            "valid" => Validity.Valid,
            "invalid" => Validity.Invalid,
            "unknown" => Validity.Unknown,
            var other => throw new ShapeException($"{path}.validity must be \"valid\", \"invalid\" or \"unknown\", not \"{other}\""),
        };
        return new CheckResult(String(e, "checker", path), validity, String(e, "summary", path))
        {
            Stats = Optional(e, "stats", path, JsonValueKind.Object, s => ReadStats(s)) ?? new Dictionary<string, object?>(),
            AnomalyCounts = Optional(e, "anomaly-counts", path, JsonValueKind.Object, c => ReadCounts(c, path + ".anomaly-counts"))
                ?? new Dictionary<string, long>(),
            Anomalies = Optional(e, "anomalies", path, JsonValueKind.Array,
                a => a.EnumerateArray().Select((x, i) => ReadAnomaly(x, $"{path}.anomalies[{i}]")).ToList()) ?? [],
            Children = Optional(e, "children", path, JsonValueKind.Array,
                a => a.EnumerateArray().Select((x, i) => ReadResult(x, $"{path}.children[{i}]")).ToList()) ?? [],
            Details = e.TryGetProperty("details", out var d) ? JsonValues.Read(d) : null,
        };
    }

    private static Anomaly ReadAnomaly(JsonElement e, string path)
    {
        RequireKind(e, JsonValueKind.Object, path, "an object");
        var indices = Optional(e, "op-indices", path, JsonValueKind.Array, a => a.EnumerateArray().Select((x, i) =>
            x.ValueKind == JsonValueKind.Number && x.TryGetInt64(out var l) ? l
                : throw new ShapeException($"{path}.op-indices[{i}] must be an integer")).ToList()) ?? [];
        return new Anomaly(String(e, "kind", path), String(e, "explanation", path), indices)
        {
            Data = e.TryGetProperty("data", out var d) ? JsonValues.Read(d) : null,
        };
    }

    private static Dictionary<string, object?> ReadStats(JsonElement e)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject()) result[p.Name] = JsonValues.Read(p.Value);
        return result;
    }

    private static Dictionary<string, long> ReadCounts(JsonElement e, string path)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            result[p.Name] = p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out var l) ? l
                : throw new ShapeException($"{path}.{p.Name} must be an integer count");
        return result;
    }

    private static string String(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw new ShapeException($"{path}.{name} must be a string");

    private static T? Optional<T>(JsonElement e, string name, string path, JsonValueKind kind, Func<JsonElement, T> read)
        where T : class
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        RequireKind(v, kind, $"{path}.{name}", kind == JsonValueKind.Object ? "an object" : "an array");
        return read(v);
    }

    private static void RequireKind(JsonElement e, JsonValueKind kind, string path, string what)
    {
        if (e.ValueKind != kind) throw new ShapeException($"{path} must be {what}, not {e.ValueKind.ToString().ToLowerInvariant()}");
    }
}
