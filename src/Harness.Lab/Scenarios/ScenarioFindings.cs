using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Core.Checking;

namespace Harness.Lab.Scenarios;

/// <summary>
/// The README's findings, generated from scenario results instead of typed by hand. Every <c>scenario run</c> writes
/// <c>store/scenarios/&lt;time&gt;/scenarios.json</c>; <see cref="Collect"/> takes the newest outcome of each
/// scenario across them, <see cref="Save"/> keeps those outcomes in the repository (<c>workloads/scenarios/results/NAME.json</c>,
/// the evidence behind the README), and <see cref="Markdown"/> renders one table row per scenario: the claim, whether
/// it held, each variant's figures (mean over its seeds; the scenario's own measurements when known) and the expectations with their numbers.
/// </summary>
public static class ScenarioFindings
{
    /// <summary>The newest outcome of each scenario found under <c>&lt;store&gt;/scenarios/*/scenarios.json</c>, by scenario name.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Collect(string storeRoot)
    {
        var newest = new SortedDictionary<string, (string Stamp, JsonObject Outcome)>(StringComparer.Ordinal);
        var dir = Path.Combine(storeRoot, "scenarios");
        if (!Directory.Exists(dir)) return new Dictionary<string, JsonObject>();
        foreach (var file in Directory.GetFiles(dir, "scenarios.json", SearchOption.AllDirectories))
        {
            var stamp = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (JsonNode.Parse(File.ReadAllText(file)) is not JsonArray outcomes) continue;
            foreach (var o in outcomes.OfType<JsonObject>())
            {
                var name = o["scenario"]?.GetValue<string>();
                if (name is null || (newest.TryGetValue(name, out var had) && string.CompareOrdinal(had.Stamp, stamp) >= 0)) continue;
                var copy = (JsonObject)o.DeepClone();
                copy["run-at"] = stamp;
                newest[name] = (stamp, copy);
            }
        }
        return newest.ToDictionary(kv => kv.Key, kv => kv.Value.Outcome, StringComparer.Ordinal);
    }

    /// <summary>
    /// The outcome re-evaluated against the current definition of <paramref name="scenario"/>: each run whose folder
    /// still exists has its figures taken again from its stored files (<see cref="Measures.Of"/>), and the
    /// expectations and verdict are evaluated again, so a corrected figure or expectation applies to runs already
    /// made. Runs whose folder is gone keep their recorded figures. Marks the outcome <c>"re-evaluated": true</c>.
    /// </summary>
    public static JsonObject Reevaluate(JsonObject outcome, Scenario scenario)
    {
        var copy = (JsonObject)outcome.DeepClone();
        var results = new List<ScenarioRunResult>();
        foreach (var run in (copy["runs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var dir = run["Directory"]?.GetValue<string>() ?? "";
            IReadOnlyDictionary<string, double?> figures;
            if (dir.Length > 0 && Directory.Exists(dir))
            {
                figures = Measures.Of(dir);
                var kept = new JsonObject();
                foreach (var (k, v) in figures) kept[k] = v;
                run["figures"] = kept;
            }
            else
            {
                figures = (run["figures"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => Num(kv.Value), StringComparer.Ordinal);
            }
            var verdict = figures.GetValueOrDefault("verdict") switch { 0 => Validity.Valid, 1 => Validity.Invalid, _ => Validity.Unknown };
            run["verdict"] = verdict.Word();
            results.Add(new ScenarioRunResult(scenario.Name, run["Label"]?.GetValue<string>() ?? "", (long)(Num(run["Seed"]) ?? 0), dir, verdict, figures, TimeSpan.Zero)
                { Error = (string?)run["error"] });
        }
        var evaluated = new ScenarioOutcome(scenario, results, ScenarioEvaluation.Evaluate(scenario, results), TimeSpan.Zero);
        copy["verdict"] = evaluated.Verdict.Word();
        copy["expectations"] = new JsonArray(evaluated.Expectations.Select(e => (JsonNode?)e.Describe()).ToArray());
        copy["measurements"] = new JsonArray(scenario.Measurements.Select(m => (JsonNode?)m).ToArray());
        copy["re-evaluated"] = true;
        return copy;
    }

    /// <summary>Writes each outcome to <c>&lt;directory&gt;/NAME.json</c>; returns the paths.</summary>
    public static IReadOnlyList<string> Save(string directory, IReadOnlyDictionary<string, JsonObject> outcomes)
    {
        Directory.CreateDirectory(directory);
        var options = new JsonSerializerOptions { WriteIndented = true };
        return outcomes.Select(kv =>
        {
            var path = Path.Combine(directory, kv.Key + ".json");
            File.WriteAllText(path, kv.Value.ToJsonString(options) + "\n");
            return path;
        }).ToList();
    }

    /// <summary>Reads the outcomes kept in <paramref name="directory"/> (<c>NAME.json</c> each).</summary>
    public static IReadOnlyDictionary<string, JsonObject> Load(string directory) =>
        !Directory.Exists(directory) ? new Dictionary<string, JsonObject>()
            : Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal)
                .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Outcome: JsonNode.Parse(File.ReadAllText(f)) as JsonObject
                    ?? throw new InvalidDataException($"{f}: expected a JSON object (a scenario outcome)")))
                .ToDictionary(x => x.Name, x => x.Outcome, StringComparer.Ordinal);

    /// <summary>The findings table in Markdown, one row per scenario, in name order.</summary>
    public static string Markdown(IReadOnlyDictionary<string, JsonObject> outcomes)
    {
        var sb = new StringBuilder();
        sb.Append("| scenario | claim | held? | figures (mean over seeds) | expectations |\n|---|---|---|---|---|\n");
        foreach (var (name, o) in outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var verdict = o["verdict"]?.GetValue<string>() ?? "unknown";
            var held = verdict switch { "valid" => "held", "invalid" => "**did not hold**", _ => "undecided" };
            var seconds = Num(o["seconds"]) ?? 0;
            sb.Append("| `").Append(name).Append("` (").Append(Number(seconds)).Append(" s, ").Append(Cell(o["run-at"]?.GetValue<string>() ?? "")).Append(") | ")
              .Append(Cell(o["claim"]?.GetValue<string>() ?? "")).Append(" | ").Append(held).Append(" | ")
              .Append(string.Join("<br>", Variants(o))).Append(" | ")
              .Append(string.Join("<br>", (o["expectations"] as JsonArray ?? []).Select(e => Cell(e?.GetValue<string>() ?? "")))).Append(" |\n");
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Variants(JsonObject outcome)
    {
        var runs = (outcome["runs"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var shown = (outcome["measurements"] as JsonArray)?.Select(m => m?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var group in runs.GroupBy(r => r["Label"]?.GetValue<string>() ?? "?"))
        {
            var figures = group.SelectMany(r => (r["figures"] as JsonObject ?? []).Select(kv => (kv.Key, Value: Num(kv.Value))))
                .Where(f => f.Value is not null && f.Key != "verdict" && (shown is null || shown.Contains(f.Key)))
                .GroupBy(f => f.Key).Select(g => $"{g.Key} {Number(g.Average(f => f.Value!.Value))}");
            var verdicts = string.Join("/", group.Select(r => r["verdict"]?.GetValue<string>() ?? "?"));
            yield return $"**{Cell(group.Key)}** ({group.Count()} runs, {verdicts}): {string.Join(", ", figures)}";
        }
    }

    /// <summary>A JSON number as a double, whichever CLR type holds it (parsed text or a value set in code); null for null.</summary>
    private static double? Num(JsonNode? node) =>
        node is null ? null : double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Number(double v) =>
        Math.Abs(v) >= 100 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
