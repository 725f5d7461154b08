using System.Text.Json;
using Harness.Core.Checking;
using Harness.Core.Formats;

namespace Harness.Check;

/// <summary>The one-object JSON verdict of <c>harness check --json</c>: valid (true | false | "unknown"), model,
/// ops, elapsed_ms (the check), search_ms (the search proper, as the checker reports it), parse_ms (reading the file),
/// total_ms (since the process started: start-up, JIT, parse and check), anomalies (name -> count over all
/// checkers), not (violated consistency models), summary.</summary>
public static class CheckJson
{
    public static string Render(CheckResult result, string model, int operations, TimeSpan elapsed, TimeSpan parse = default)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WritePropertyName("valid");
            if (result.Validity == Validity.Unknown) w.WriteStringValue("unknown");
            else w.WriteBooleanValue(result.Validity == Validity.Valid);
            w.WriteString("model", model);
            w.WriteNumber("ops", operations);
            w.WriteNumber("elapsed_ms", Math.Round(elapsed.TotalMilliseconds, 3));
            w.WriteNumber("search_ms", Math.Round(SearchMs(result) ?? elapsed.TotalMilliseconds, 3));
            w.WriteNumber("parse_ms", Math.Round(parse.TotalMilliseconds, 3));
            w.WriteNumber("total_ms", Math.Round(SinceStart().TotalMilliseconds, 3));
            w.WriteStartObject("anomalies");
            foreach (var (name, count) in Anomalies(result)) w.WriteNumber(name, count);
            w.WriteEndObject();
            w.WriteStartArray("not");
            foreach (var m in NotModels(result)) w.WriteStringValue(m);
            w.WriteEndArray();
            w.WriteString("summary", result.Summary);
            w.WritePropertyName("checkers");
            w.WriteStartObject();
            foreach (var r in result.Flatten().Where(r => r.Children.Count == 0))
            {
                w.WritePropertyName(r.Checker);
                w.WriteStartObject();
                w.WriteString("valid", r.Validity.Word());
                w.WriteString("summary", r.Summary);
                w.WritePropertyName("stats");
                JsonValues.Write(w, r.Stats);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Time since the CLI process started: since the entry script exec'd it (HARNESS_EXEC_UNIX_MS; the
    /// script's own start, build included, would count otherwise), else since the process's start time.</summary>
    private static TimeSpan SinceStart() =>
        long.TryParse(Environment.GetEnvironmentVariable("HARNESS_EXEC_UNIX_MS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;

    /// <summary>The sum of the search times the checkers report (<c>search-ms</c>), or null if none does.</summary>
    private static double? SearchMs(CheckResult result)
    {
        var times = result.Flatten().Select(r => r.Stats.GetValueOrDefault("search-ms")).OfType<double>().ToList();
        return times.Count == 0 ? null : times.Sum();
    }

    private static SortedDictionary<string, long> Anomalies(CheckResult result)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in result.Flatten())
        {
            foreach (var (k, v) in r.AnomalyCounts) counts[k] = counts.GetValueOrDefault(k) + v;
            if (r.AnomalyCounts.Count == 0)
                foreach (var a in r.Anomalies) counts[a.Kind] = counts.GetValueOrDefault(a.Kind) + 1;
        }
        return counts;
    }

    private static IEnumerable<string> NotModels(CheckResult result) =>
        result.Flatten()
            .SelectMany(r => r.Stats.TryGetValue("not", out var v) && v is System.Collections.IEnumerable list and not string
                ? list.Cast<object?>().Select(x => x?.ToString() ?? "")
                : [])
            .Distinct()
            .Order(StringComparer.Ordinal);
}
