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

    private static readonly JsonSerializerOptions FallbackOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DictionaryKeyPolicy = null,
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes a value. A double always carries a decimal point or exponent (so it reads back as a
    /// double, not a long) and a non-finite double becomes a string. Anything else a checker put in a value (a
    /// record, an array of structs) goes through System.Text.Json with kebab-case names, so nothing is lost to ToString
    /// (see <see cref="WriteOther"/> for Native AOT builds).</summary>
    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: WriteDouble(w, d); break;
            case float f: WriteDouble(w, f); break;
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
            case System.Collections.IList or IReadOnlyList<object?>:
                w.WriteStartArray();
                foreach (var item in (System.Collections.IEnumerable)value) Write(w, item);
                w.WriteEndArray();
                break;
            default:
                WriteOther(w, value);
                break;
        }
    }

    /// <summary>A value of another type: through System.Text.Json's reflection-based serializer where it is on (every
    /// JIT or ReadyToRun build). A Native AOT build (harness-check) has it off and trims it away, so there numbers,
    /// enums (as numbers, as the serializer writes them), dictionaries and sequences are written by hand and anything
    /// else as its text; no checker's stats hold such values (NativeCheckTests compares both builds' output).</summary>
    private static void WriteOther(Utf8JsonWriter w, object value)
    {
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            WriteReflected(w, value);
            return;
        }
        switch (value)
        {
            case Enum e: w.WriteNumberValue(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)); break;
            case byte or sbyte or short or ushort or uint: w.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong u: w.WriteNumberValue(u); break;
            case decimal m: w.WriteNumberValue(m); break;
            case System.Collections.IDictionary map:
                w.WriteStartObject();
                foreach (System.Collections.DictionaryEntry kv in map)
                {
                    w.WritePropertyName(Convert.ToString(kv.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    Write(w, kv.Value);
                }
                w.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                w.WriteStartArray();
                foreach (var item in items) Write(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Called only where reflection-based serialization is enabled (IsReflectionEnabledByDefault), i.e. never in a trimmed Native AOT build.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above: JIT and ReadyToRun builds only.")]
    private static void WriteReflected(Utf8JsonWriter w, object value) =>
        JsonSerializer.SerializeToElement(value, value.GetType(), FallbackOptions).WriteTo(w);

    private static void WriteDouble(Utf8JsonWriter w, double d)
    {
        if (double.IsNaN(d)) { w.WriteStringValue("NaN"); return; }
        if (double.IsPositiveInfinity(d)) { w.WriteStringValue("Infinity"); return; }
        if (double.IsNegativeInfinity(d)) { w.WriteStringValue("-Infinity"); return; }
        var text = d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (text.IndexOfAny(['.', 'E', 'e']) < 0) text += ".0";
        w.WriteRawValue(text);
    }

    /// <summary>Parses an operation type, with or without Jepsen's leading colon.</summary>
    public static OpType ParseType(string? name) => name?.TrimStart(':') switch
    {
        "invoke" => OpType.Invoke,
        "ok" => OpType.Ok,
        "fail" => OpType.Fail,
        "info" => OpType.Info,
        var other => throw new FormatException($"\"type\" must be invoke, ok, fail or info, not \"{other}\""),
    };
}
