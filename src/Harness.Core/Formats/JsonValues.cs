using System.Text.Json;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>Converts operation values (see <see cref="Op.Value"/>) to and from JSON.</summary>
public static class JsonValues
{
    public static object? Read(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : (object)e.GetDouble(),
        JsonValueKind.Array => ReadArray(e),
        JsonValueKind.Object => ReadObject(e),
        _ => throw new FormatException($"unsupported JSON value {e.ValueKind}"),
    };

    private static object?[] ReadArray(JsonElement e)
    {
        var result = new object?[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray()) result[i++] = Read(item);
        return result;
    }

    private static Dictionary<string, object?> ReadObject(JsonElement e)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject()) result[p.Name] = Read(p.Value);
        return result;
    }

    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: w.WriteNumberValue(d); break;
            case string s: w.WriteStringValue(s); break;
            case Keyword k: w.WriteStringValue(k.Name); break;
            case IReadOnlyDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    w.WritePropertyName(k);
                    Write(w, v);
                }
                w.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) Write(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(value.ToString()); break;
        }
    }
}
