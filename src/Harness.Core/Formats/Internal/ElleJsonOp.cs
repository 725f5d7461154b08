using System.Text;
using System.Text.Json;
using Harness.Core.History;

namespace Harness.Core.Formats.Internal;

/// <summary>Parses one elle-cli operation object straight from the tokens of a <see cref="Utf8JsonReader"/>
/// (which must hold the whole object): <c>type</c>, <c>process</c> and <c>f</c> are required, <c>index</c>,
/// <c>time</c>, <c>value</c>, <c>node</c> and <c>error</c> optional, other fields ignored. Values become
/// <c>null</c>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>, <c>object?[]</c>
/// and dictionaries, as <see cref="JsonValues.Read"/> makes them; the reader's depth limit bounds the recursion.
/// An operation cut by the end of the window throws <see cref="NeedMoreData"/>: the caller refills and retries.</summary>
internal static class ElleJsonOp
{
    /// <summary>The window of the file ends inside this operation.</summary>
    internal sealed class NeedMoreData : Exception;

    public static Op Read(ref Utf8JsonReader reader, byte[] buffer, long position, ElleJsonStream strings)
    {
        long? index = null, time = null;
        string? type = null, f = null, node = null, error = null;
        int? process = null;
        object? value = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader);
            Next(ref reader);
            switch (field)
            {
                case 't': type = Text(ref reader, strings, "type"); break;
                case 'p': process = Process(ref reader, strings); break;
                case 'f': f = Text(ref reader, strings, "f"); break;
                case 'v': value = Value(ref reader, strings); break;
                case 'i': index = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : index; break;
                case 'm': time = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : time; break;
                case 'n': node = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                case 'e': error = ErrorText(ref reader, buffer); break;
                default: SkipValue(ref reader); break;
            }
        }
        if (type is null) throw new FormatException("missing field \"type\"");
        if (process is null) throw new FormatException("missing field \"process\"");
        if (f is null) throw new FormatException("missing field \"f\"");
        return new Op(index ?? position, time ?? 0, JsonValues.ParseType(type), process.Value, Bare(f), NormaliseMicroOps(value), node, error);
    }

    /// <summary>Which field the current property name is (a letter), or '?' for one we ignore.</summary>
    private static char Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("type"u8) ? 't'
        : reader.ValueTextEquals("process"u8) ? 'p'
        : reader.ValueTextEquals("f"u8) ? 'f'
        : reader.ValueTextEquals("value"u8) ? 'v'
        : reader.ValueTextEquals("index"u8) ? 'i'
        : reader.ValueTextEquals("time"u8) ? 'm'
        : reader.ValueTextEquals("node"u8) ? 'n'
        : reader.ValueTextEquals("error"u8) ? 'e'
        : '?';

    /// <summary>Skips the current value, or signals that the window ends inside it.</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip()) throw new NeedMoreData();
    }

    /// <summary>The next token, or <see cref="NeedMoreData"/> when the window ends first (at the true end of the
    /// input the reader itself throws a <see cref="JsonException"/>).</summary>
    private static JsonTokenType Next(ref Utf8JsonReader reader) => reader.Read() ? reader.TokenType : throw new NeedMoreData();

    private static string Text(ref Utf8JsonReader reader, ElleJsonStream strings, string field) =>
        reader.TokenType == JsonTokenType.String ? strings.String(ref reader) : throw new FormatException($"\"{field}\" must be a string");

    private static int Process(ref Utf8JsonReader reader, ElleJsonStream strings) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var n) => n,
        JsonTokenType.String when Bare(strings.String(ref reader)) == "nemesis" => Op.NemesisProcess,
        _ => throw new FormatException("\"process\" must be an integer or \"nemesis\""),
    };

    /// <summary>As <c>JsonElement.ToString()</c> made it: a string's text, True / False, raw JSON otherwise.</summary>
    private static string? ErrorText(ref Utf8JsonReader reader, byte[] buffer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.True: return bool.TrueString;
            case JsonTokenType.False: return bool.FalseString;
            default:
                var start = (int)reader.TokenStartIndex;
                SkipValue(ref reader);
                return Encoding.UTF8.GetString(buffer, start, (int)reader.BytesConsumed - start);
        }
    }

    private static object? Value(ref Utf8JsonReader reader, ElleJsonStream strings)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.String: return strings.String(ref reader);
            case JsonTokenType.Number: return reader.TryGetInt64(out var l) ? strings.Long(l) : reader.GetDouble();
            case JsonTokenType.StartArray:
                var items = strings.Scratch(reader.CurrentDepth);
                while (Next(ref reader) != JsonTokenType.EndArray) items.Add(Value(ref reader, strings));
                var array = items.Count == 0 ? [] : items.ToArray();
                items.Clear();
                return array;
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    Next(ref reader);
                    map[key] = Value(ref reader, strings);
                }
                return map;
            default:
                throw new FormatException($"unsupported JSON token {reader.TokenType}");
        }
    }

    /// <summary>Drops the colon from each micro-op's function name: [":append", 1, 2] becomes ["append", 1, 2].</summary>
    internal static object? NormaliseMicroOps(object? value)
    {
        if (value is not object?[] list) return value;
        foreach (var item in list)
            if (item is object?[] { Length: > 0 } mop && mop[0] is string name)
                mop[0] = Bare(name);
        return value;
    }

    public static string Bare(string s) => s is { Length: > 1 } && s[0] == ':' ? string.Intern(s[1..]) : s;
}
