using System.Collections;
using System.Globalization;
using System.Text.Json;
using Harness.Core.History;

namespace Harness.Core.Checking.Internal;

/// <summary>
/// Writes free-form result values (stats, anomaly data, details) as JSON. Plain values are written as
/// <see cref="Formats.JsonValues"/> would, except that a double always carries a decimal point or exponent (so it
/// reads back as a double, not a long) and a non-finite double becomes a string. Anything else a checker put there
/// (a record, an array of structs) goes through System.Text.Json with kebab-case names, so nothing is lost to ToString.
/// </summary>
internal static class PlainJsonWriter
{
    private static readonly JsonSerializerOptions FallbackOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DictionaryKeyPolicy = null,
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

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
            case IList or IReadOnlyList<object?>:
                w.WriteStartArray();
                foreach (var item in (IEnumerable)value) Write(w, item);
                w.WriteEndArray();
                break;
            default:
                JsonSerializer.SerializeToElement(value, value.GetType(), FallbackOptions).WriteTo(w);
                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter w, double d)
    {
        if (double.IsNaN(d)) { w.WriteStringValue("NaN"); return; }
        if (double.IsPositiveInfinity(d)) { w.WriteStringValue("Infinity"); return; }
        if (double.IsNegativeInfinity(d)) { w.WriteStringValue("-Infinity"); return; }
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(['.', 'E', 'e']) < 0) text += ".0";
        w.WriteRawValue(text);
    }
}
