using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Lab;
using Harness.Lab.Scenarios;
using Harness.Reports;
using NUnit.Framework;

namespace Harness.Core.Tests.Scenarios;

/// <summary>Scenario files parse and validate against the registry; expectations evaluate on stored numbers; the
/// trade-off page renders and escapes.</summary>
public class ScenarioTests
{
    [Test]
    public void EveryShippedScenarioParsesAndNamesValidTests()
    {
        var all = ScenarioCatalog.All(HarnessModules.Registry);
        Assert.That(all.Select(s => s.Name), Does.Contain("commit-modes").And.Contain("follower-reads"));
        foreach (var s in all)
        {
            Assert.That(s.Claim, Is.Not.Empty, s.Name);
            Assert.That(s.Expectations, Is.Not.Empty, s.Name);
            foreach (var run in s.Runs) Assert.That(HarnessModules.Registry.Resolve(s.SpecFor(run, 1)).Name, Is.EqualTo($"{s.Name}-{run.Label}"));
        }
        var commit = all.Single(s => s.Name == "commit-modes");
        Assert.That(commit.SpecFor(commit.Runs.Single(r => r.Label == "sync"), 2).DatabaseOptions["replication"], Is.EqualTo("sync"));
        Assert.That(commit.SpecFor(commit.Runs[0], 2, timeLimit: 7).TimeLimitSeconds, Is.EqualTo(7));
    }

    [TestCase("""{ "name": "x", "claim": "c", "runs": [] }""", "at least one run")]
    [TestCase("""{ "name": "x", "claim": "c", "base": { "database": "nosql" }, "runs": [ { "label": "a" } ] }""", "run 'a' to be a valid test")]
    [TestCase("""{ "name": "x", "claim": "c", "runs": [ { "label": "a" } ], "expect": [ { "run": "b", "measure": "lost-count", "aggregate": "sum", "op": ">", "value": 0 } ] }""", "name runs of this scenario")]
    [TestCase("""{ "name": "x", "claim": "c", "runs": [ { "label": "a" } ], "measurements": ["happiness"] }""", "measurements from")]
    [TestCase("""{ "name": "x", "claim": "c", "runs": [ { "label": "a" } ], "expect": [ { "run": "a", "measure": "lost-count", "aggregate": "median", "op": ">", "value": 0 } ] }""", "known measure, aggregate")]
    public void BadScenarioFilesAreRefusedWithWhatWasExpected(string json, string expected)
    {
        var e = Assert.Throws<HistoryFormatException>(() => ScenarioFile.Parse(json, "bad.json", HarnessModules.Registry));
        Assert.That(e!.Message, Does.StartWith("bad.json:1:1: expected").And.Contain(expected));
    }

    [Test]
    public void ExpectationsCompareAggregatesOverSeedsAndAgainstOtherRuns()
    {
        var s = ScenarioFile.Parse("""
            { "name": "m", "claim": "async loses, sync does not", "seeds": [1, 2],
              "runs": [ { "label": "async" }, { "label": "sync" } ],
              "expect": [ { "run": "async", "measure": "lost-count", "aggregate": "sum", "op": ">", "value": 0 },
                          { "run": "sync", "measure": "lost-count", "aggregate": "max", "op": "==", "value": 0 },
                          { "run": "sync", "measure": "latency-p50-ms", "aggregate": "mean", "op": ">", "than-run": "async" } ] }
            """, "m.json", HarnessModules.Registry);
        ScenarioRunResult R(string label, long seed, double lost, double p50) =>
            new("m", label, seed, "", Validity.Valid, new Dictionary<string, double?> { ["lost-count"] = lost, ["latency-p50-ms"] = p50 }, TimeSpan.Zero);

        var held = ScenarioEvaluation.Evaluate(s, [R("async", 1, 0, 2), R("async", 2, 5, 2), R("sync", 1, 0, 9), R("sync", 2, 0, 11)]);
        Assert.That(held.Select(e => e.Held), Is.All.True);
        Assert.That(held[2].Describe(), Does.Contain("10 vs 2"));

        var broken = ScenarioEvaluation.Evaluate(s, [R("async", 1, 0, 2), R("async", 2, 0, 2), R("sync", 1, 1, 1), R("sync", 2, 0, 1)]);
        Assert.That(broken.Select(e => e.Held), Is.All.False);
        var outcome = new ScenarioOutcome(s, [], broken, TimeSpan.Zero);
        Assert.That(outcome.Verdict, Is.EqualTo(Validity.Invalid));

        var missing = ScenarioEvaluation.Evaluate(s, [R("async", 1, 3, 2)]);
        Assert.That(missing[1].Held, Is.Null, "no sync run: not measured");
    }

    [Test]
    public void TheTradeOffPageLinksRunsAndEscapesEveryValue()
    {
        var dir = Directory.CreateTempSubdirectory("harness-compare-").FullName;
        var runDir = Path.Combine(dir, "run1");
        Directory.CreateDirectory(runDir);
        File.WriteAllText(Path.Combine(runDir, "report.html"), "<html></html>");
        var rows = new[]
        {
            new ComparisonRow("commit-modes", "<script>alert(1)</script>", 1, Validity.Invalid, new Dictionary<string, double?> { ["lost-count"] = 461, ["latency-p50-ms"] = 3.2 }, runDir),
            new ComparisonRow("commit-modes", "sync", 1, Validity.Valid, new Dictionary<string, double?> { ["lost-count"] = 0, ["latency-p50-ms"] = 7.5 }, null),
        };
        var claims = new[] { new ComparisonClaim("commit-modes", "async loses & sync doesn't", Validity.Valid, ["async: sum lost-count > 0: 461 (held)"], TimeSpan.FromSeconds(90)) };
        var html = File.ReadAllText(TradeOffPage.Write(Path.Combine(dir, "compare.html"), "t", claims, rows));
        Assert.That(html, Does.Not.Contain("<script>alert"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("href=\"run1/report.html\"").And.Contain("461").And.Contain("async loses &amp; sync"));
        Assert.That(html, Does.Contain("data:image/png;base64,"), "a comparison plot");
        var junit = Path.Combine(dir, "junit.xml");
        ClaimsJUnit.Write(junit, "s", [claims[0], claims[0] with { Group = "other", Verdict = Validity.Invalid }]);
        Assert.That(File.ReadAllText(junit), Does.Contain("tests=\"2\"").And.Contain("failures=\"1\"").And.Contain("<failure"));
    }

    [Test]
    public void ARunThatCrashedSaysWhyInTheSummaryJUnitAndJson()
    {
        var s = ScenarioFile.Parse("""
            { "name": "m", "claim": "async loses", "seeds": [1],
              "runs": [ { "label": "async" } ],
              "expect": [ { "run": "async", "measure": "lost-count", "aggregate": "sum", "op": ">", "value": 0 } ] }
            """, "m.json", HarnessModules.Registry);
        var crashed = new ScenarioRunResult("m", "async", 1, "", Validity.Unknown, new Dictionary<string, double?> { ["lost-count"] = null }, TimeSpan.Zero)
            { Error = "no Docker Engine found (socket missing)" };
        var outcome = new ScenarioOutcome(s, [crashed], ScenarioEvaluation.Evaluate(s, [crashed]), TimeSpan.Zero);
        Assert.That(outcome.Verdict, Is.EqualTo(Validity.Unknown));
        Assert.That(outcome.Summary, Does.StartWith("async seed 1 failed: no Docker Engine found"));
        var dir = Directory.CreateTempSubdirectory("harness-scenario-crash-").FullName;
        ScenarioReport.Write(dir, [outcome]);
        Assert.That(File.ReadAllText(Path.Combine(dir, "junit.xml")), Does.Contain("async seed 1 failed: no Docker Engine found"));
        var json = File.ReadAllText(Path.Combine(dir, "scenarios.json"));
        Assert.That(json, Does.Contain("\"error\": \"no Docker Engine found (socket missing)\""));
    }
}
