using System.Text;
using System.Text.Json;
using Harness.Core.Checking.Internal;
using Harness.Core.Formats;

namespace Harness.Core.Checking;

/// <summary>
/// The <c>results.json</c> of a run: a <see cref="CheckResult"/> tree written as indented JSON with kebab-case keys
/// (<c>checker</c>, <c>validity</c> as "valid"/"invalid"/"unknown", <c>summary</c>, <c>stats</c>,
/// <c>anomaly-counts</c>, <c>anomalies</c> (<c>kind</c>, <c>explanation</c>, <c>op-indices</c>, <c>data</c>),
/// <c>children</c>, <c>details</c>). Free-form values (stats, data, details) are plain JSON read back as
/// <see cref="JsonValues"/> gives them: a double keeps a decimal point so it comes back a double, and a
/// non-finite double is written as the string "NaN", "Infinity" or "-Infinity". Reports and <c>harness check</c>
/// read the file back, so the round trip is exact for plain values.
/// </summary>
public static class CheckResultJson
{
    public static string Serialize(CheckResult r)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            WriteResult(w, r);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the file atomically (temp file + rename), so a kill mid-write leaves the old file or the new one.</summary>
    public static void Write(string path, CheckResult r) => Storage.AtomicFile.WriteAllText(path, Serialize(r) + "\n");

    /// <summary>Reads a results file; anything malformed is a <see cref="HistoryFormatException"/> naming the place.</summary>
    public static CheckResult Read(string path) => CheckResultJsonReader.Read(path, File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Parses results JSON text; <paramref name="source"/> names it in errors.</summary>
    public static CheckResult Parse(string json, string source = "results.json") => CheckResultJsonReader.Read(source, json);

    private static void WriteResult(Utf8JsonWriter w, CheckResult r)
    {
        w.WriteStartObject();
        w.WriteString("checker", r.Checker);
        w.WriteString("validity", r.Validity.Word());
        w.WriteString("summary", r.Summary);
        w.WriteStartObject("stats");
        foreach (var (k, v) in r.Stats)
        {
            w.WritePropertyName(k);
            Formats.JsonValues.Write(w, v);
        }
        w.WriteEndObject();
        w.WriteStartObject("anomaly-counts");
        foreach (var (k, v) in r.AnomalyCounts) w.WriteNumber(k, v);
        w.WriteEndObject();
        w.WriteStartArray("anomalies");
        foreach (var a in r.Anomalies) WriteAnomaly(w, a);
        w.WriteEndArray();
        w.WriteStartArray("children");
        foreach (var c in r.Children) WriteResult(w, c);
        w.WriteEndArray();
        w.WritePropertyName("details");
        Formats.JsonValues.Write(w, r.Details);
        w.WriteEndObject();
    }

    private static void WriteAnomaly(Utf8JsonWriter w, Anomaly a)
    {
        w.WriteStartObject();
        w.WriteString("kind", a.Kind);
        w.WriteString("explanation", a.Explanation);
        w.WriteStartArray("op-indices");
        foreach (var i in a.OpIndices) w.WriteNumberValue(i);
        w.WriteEndArray();
        w.WritePropertyName("data");
        Formats.JsonValues.Write(w, a.Data);
        w.WriteEndObject();
    }
}
