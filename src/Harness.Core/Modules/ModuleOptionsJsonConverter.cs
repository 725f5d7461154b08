using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Core.Modules;

/// <summary>Reads a JSON object of option values (strings, numbers or booleans, as a person writes a spec) and
/// writes numbers and booleans back as JSON numbers and booleans, everything else as strings.</summary>
public sealed class ModuleOptionsJsonConverter : JsonConverter<ModuleOptions>
{
    public override ModuleOptions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("module options must be a JSON object");
        var values = new List<(string, string)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? throw new JsonException("option name expected");
            reader.Read();
            values.Add((name, reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number => reader.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => throw new JsonException($"option '{name}' must be a string, number or boolean"),
            }));
        }
        return ModuleOptions.Of(values.ToArray());
    }

    public override void Write(Utf8JsonWriter writer, ModuleOptions value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            if (text is "true" or "false") writer.WriteBoolean(name, text == "true");
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                     && d.ToString("R", CultureInfo.InvariantCulture) == text) writer.WriteNumber(name, d);
            else writer.WriteString(name, text);
        }
        writer.WriteEndObject();
    }
}
