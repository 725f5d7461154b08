using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Core.Formats;
using Harness.Core.Modules;

namespace Harness.Lab.Scenarios;

/// <summary>
/// Reads a scenario file: <c>{ name, claim, article, seeds, base: {spec}, runs: [{label, ...spec overrides}],
/// measurements: [...], expect: [{run, measure, aggregate, op, value | than-run}] }</c>. Each run's spec is the base
/// deep-merged with its overrides, and is resolved against the registry, so a scenario naming an unknown database,
/// option or measurement is refused with the file and what was expected.
/// </summary>
public static class ScenarioFile
{
    public static readonly IReadOnlySet<string> Aggregates = new HashSet<string> { "sum", "max", "min", "mean" };
    public static readonly IReadOnlySet<string> Ops = new HashSet<string> { ">", ">=", "==", "<=", "<" };

    public static Scenario Read(string path, Registry registry)
    {
        try
        {
            return Parse(File.ReadAllText(path), path, registry);
        }
        catch (JsonException e)
        {
            throw new HistoryFormatException(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "a scenario (JSON object): " + e.Message);
        }
    }

    public static Scenario Parse(string json, string source, Registry registry)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw Bad(source, "a JSON object");
        string Text(string key) => root[key]?.GetValue<string>() ?? throw Bad(source, $"a string \"{key}\"");
        var baseSpec = root["base"]?.AsObject() ?? new JsonObject();
        var runs = (root["runs"]?.AsArray() ?? throw Bad(source, "an array \"runs\""))
            .Select(n => n!.AsObject())
            .Select(o => new ScenarioRun(o["label"]?.GetValue<string>() ?? throw Bad(source, "a \"label\" in every run"), Merge(baseSpec, o)))
            .ToList();
        var seeds = root["seeds"]?.AsArray().Select(n => n!.GetValue<long>()).ToList() ?? [1L];
        var measurements = root["measurements"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
        var expectations = root["expect"]?.Deserialize<List<Expectation>>(Expectation.Json) ?? [];
        var scenario = new Scenario(Text("name"), Text("claim"), root["article"]?.GetValue<string>() ?? "", seeds, runs, measurements, expectations);
        Validate(scenario, source, registry);
        return scenario;
    }

    private static void Validate(Scenario s, string source, Registry registry)
    {
        if (s.Runs.Count == 0 || s.Seeds.Count == 0) throw Bad(source, "at least one run and one seed");
        if (s.Runs.Select(r => r.Label).Distinct().Count() != s.Runs.Count) throw Bad(source, "distinct run labels");
        foreach (var m in s.Measurements.Where(m => !Measures.IsKnown(m)))
            throw Bad(source, $"measurements from {string.Join(", ", Measures.Known)} (got '{m}')");
        foreach (var run in s.Runs)
        {
            try
            {
                registry.Resolve(s.SpecFor(run, s.Seeds[0]));
            }
            catch (InvalidSpecException e)
            {
                throw Bad(source, $"run '{run.Label}' to be a valid test ({e.Message})");
            }
        }
        foreach (var e in s.Expectations)
        {
            if (s.Runs.All(r => r.Label != e.Run) || (e.ThanRun is not null && s.Runs.All(r => r.Label != e.ThanRun)))
                throw Bad(source, $"expectations to name runs of this scenario (got '{e.Run}' / '{e.ThanRun}')");
            if (!Measures.IsKnown(e.Measure) || !Aggregates.Contains(e.Aggregate) || !Ops.Contains(e.Op) || (e.Value is null == (e.ThanRun is null)))
                throw Bad(source, $"an expectation with a known measure, aggregate ({string.Join("|", Aggregates)}), op ({string.Join(" ", Ops)}) and either value or than-run (got {e.Describe()})");
        }
    }

    private static JsonObject Merge(JsonObject baseSpec, JsonObject run)
    {
        var merged = baseSpec.DeepClone().AsObject();
        foreach (var (key, value) in run)
        {
            if (key == "label") continue;
            if (value is JsonObject o && merged[key] is JsonObject existing)
                foreach (var (k, v) in o) existing[k] = v?.DeepClone();
            else merged[key] = value?.DeepClone();
        }
        return merged;
    }

    private static HistoryFormatException Bad(string source, string expected) => new(source, 1, 1, "expected " + expected);
}
