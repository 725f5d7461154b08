using System.Globalization;
using System.Text.Json;
using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Reports;
using Harness.Runner;

namespace Harness.Lab.Scenarios;

/// <summary>Writes what a scenario run produced: the trade-off page (<c>compare.html</c>), JUnit XML with one
/// test case per claim (<c>junit.xml</c>) and the figures as JSON (<c>scenarios.json</c>), into one folder.</summary>
public static class ScenarioReport
{
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        Directory.CreateDirectory(directory);
        var claims = outcomes.Select(o => new ComparisonClaim(o.Scenario.Name, o.Scenario.Claim, o.Verdict,
            o.Lines, o.Elapsed)).ToList();
        var rows = outcomes.SelectMany(o => o.Runs).Select(r =>
            new ComparisonRow(r.Scenario, r.Label, r.Seed, r.Verdict, r.Figures, r.Directory.Length == 0 ? null : r.Directory)).ToList();
        var page = TradeOffPage.Write(Path.Combine(directory, "compare.html"), "Replication scenarios: what each mode costs and loses", claims, rows);
        var junit = Path.Combine(directory, "junit.xml");
        ClaimsJUnit.Write(junit, "harness-scenarios", claims);
        var json = Path.Combine(directory, "scenarios.json");
        File.WriteAllText(json, JsonSerializer.Serialize(outcomes.Select(o => new
        {
            scenario = o.Scenario.Name,
            claim = o.Scenario.Claim,
            verdict = o.Verdict.Word(),
            seconds = Math.Round(o.Elapsed.TotalSeconds, 1),
            expectations = o.Expectations.Select(e => e.Describe()),
            runs = o.Runs.Select(r => new { r.Label, r.Seed, verdict = r.Verdict.Word(), r.Directory, error = r.Error, figures = r.Figures }),
        }), new JsonSerializerOptions { WriteIndented = true }));
        return [page, junit, json];
    }

    /// <summary>The trade-off page for stored runs (<c>harness compare</c>): one row per run, grouped by test name.</summary>
    public static string Compare(string path, IReadOnlyList<string> runDirectories)
    {
        var rows = runDirectories.Select(d =>
        {
            var test = File.Exists(Path.Combine(d, RunStore.TestFile)) ? TestSpec.FromJson(File.ReadAllText(Path.Combine(d, RunStore.TestFile))) : null;
            var figures = Measures.Of(d);
            var verdict = figures["verdict"] switch { 0 => Validity.Valid, 1 => Validity.Invalid, _ => Validity.Unknown };
            var label = test is null ? Path.GetFileName(d) : string.Join(" ", test.DatabaseOptions.Concat(test.WorkloadOptions).Select(kv => $"{kv.Key}={kv.Value}"));
            return new ComparisonRow(test?.Name ?? Path.GetFileName(Path.GetDirectoryName(d)!) ?? d, Path.GetFileName(d) + (label.Length > 0 ? $" ({label})" : ""),
                test?.Seed ?? 0, verdict, figures, d);
        }).ToList();
        return TradeOffPage.Write(path, string.Create(CultureInfo.InvariantCulture, $"Comparison of {rows.Count} runs"), [], rows);
    }
}
