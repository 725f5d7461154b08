using System.Text.Json.Nodes;
using Harness.Lab.Scenarios;
using NUnit.Framework;

namespace Harness.Core.Tests.Scenarios;

/// <summary>The README's findings come from scenario results: the newest outcome of each scenario wins, the table
/// shows each variant's mean figures and the expectations, and the README block equals the table rendered from the
/// outcomes kept in <c>workloads/scenarios/results</c>.</summary>
public class ScenarioFindingsTests
{
    private static JsonArray Outcomes(string verdict, double lost) => new()
    {
        new JsonObject
        {
            ["scenario"] = "commit-modes", ["claim"] = "async | loses", ["verdict"] = verdict, ["seconds"] = 321.0,
            ["expectations"] = new JsonArray("async: sum lost-count > 0: 12 (held)"),
            ["runs"] = new JsonArray(
                new JsonObject { ["Label"] = "async", ["Seed"] = 1, ["verdict"] = "invalid", ["figures"] = new JsonObject { ["lost-count"] = lost, ["verdict"] = 1.0 } },
                new JsonObject { ["Label"] = "async", ["Seed"] = 2, ["verdict"] = "invalid", ["figures"] = new JsonObject { ["lost-count"] = lost + 2, ["verdict"] = 1.0 } },
                new JsonObject { ["Label"] = "sync", ["Seed"] = 1, ["verdict"] = "valid", ["figures"] = new JsonObject { ["lost-count"] = 0.0, ["latency-p50-ms"] = null } }),
        },
    };

    [Test]
    public void TheNewestOutcomeOfEachScenarioIsTabledWithMeansPerVariant()
    {
        var store = Directory.CreateTempSubdirectory("harness-findings-").FullName;
        try
        {
            foreach (var (stamp, verdict, lost) in new[] { ("20261201T100000Z", "invalid", 100.0), ("20261201T120000Z", "valid", 10.0) })
            {
                Directory.CreateDirectory(Path.Combine(store, "scenarios", stamp));
                File.WriteAllText(Path.Combine(store, "scenarios", stamp, "scenarios.json"), Outcomes(verdict, lost).ToJsonString());
            }
            var outcomes = ScenarioFindings.Collect(store);
            Assert.That(outcomes.Keys, Is.EqualTo(new[] { "commit-modes" }));
            var table = ScenarioFindings.Markdown(outcomes);
            Assert.That(table, Does.Contain("| held |").And.Contain("20261201T120000Z"), "the newer run wins");
            Assert.That(table, Does.Contain("**async** (2 runs, invalid/invalid): lost-count 11"), "mean over seeds");
            Assert.That(table, Does.Contain("async \\| loses"), "a pipe in a claim is escaped");
            Assert.That(table, Does.Not.Contain("verdict 1"), "the verdict figure is shown as held/not, not as a number");

            var kept = Path.Combine(store, "kept");
            ScenarioFindings.Save(kept, outcomes);
            Assert.That(ScenarioFindings.Markdown(ScenarioFindings.Load(kept)), Is.EqualTo(table), "saved outcomes render the same table");
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Test]
    public void AClaimThatDidNotHoldIsMarked()
    {
        var o = (JsonObject)Outcomes("invalid", 0).Single()!;
        var table = ScenarioFindings.Markdown(new Dictionary<string, JsonObject> { ["commit-modes"] = o });
        Assert.That(table, Does.Contain("**did not hold**"));
    }

    [Test]
    public void ReevaluationTakesFiguresAgainFromTheStoredRunAndJudgesTheClaimAgain()
    {
        var dir = Directory.CreateTempSubdirectory("harness-reeval-").FullName;
        try
        {
            Harness.Core.Checking.CheckResultJson.Write(Path.Combine(dir, "results.json"),
                new Harness.Core.Checking.CheckResult("set", Harness.Core.Checking.Validity.Invalid, "5 lost") { Stats = new Dictionary<string, object?> { ["lost-count"] = 5L } });
            var scenario = new Scenario("demo", "async loses writes", "", [1], [new ScenarioRun("async", new JsonObject())], ["lost-count"],
                [new Expectation("async", "lost-count", "sum", ">", 0, null)]);
            var stored = new JsonObject
            {
                ["scenario"] = "demo", ["claim"] = "async loses writes", ["verdict"] = "invalid",
                ["expectations"] = new JsonArray("async: sum lost-count > 0: 0 (did not hold)"),
                ["runs"] = new JsonArray(new JsonObject { ["Label"] = "async", ["Seed"] = 1, ["verdict"] = "valid", ["Directory"] = dir, ["figures"] = new JsonObject { ["lost-count"] = 0.0 } }),
            };
            var again = ScenarioFindings.Reevaluate(stored, scenario);
            Assert.That(again["verdict"]!.GetValue<string>(), Is.EqualTo("valid"), "the stored figure was wrong; the run's files say 5 lost");
            Assert.That(again["runs"]![0]!["figures"]!["lost-count"]!.GetValue<double>(), Is.EqualTo(5));
            Assert.That(again["runs"]![0]!["verdict"]!.GetValue<string>(), Is.EqualTo("invalid"));
            Assert.That(again["expectations"]![0]!.GetValue<string>(), Does.Contain("5 (held)"));

            Directory.Delete(dir, recursive: true);
            var kept = ScenarioFindings.Reevaluate(stored, scenario);
            Assert.That(kept["verdict"]!.GetValue<string>(), Is.EqualTo("invalid"), "a run whose folder is gone keeps its recorded figures");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void TheReadmeFindingsAreTheTableOfTheKeptResults()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null);
        var readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var kept = ScenarioFindings.Load(Path.Combine(dir.FullName, "workloads", "scenarios", "results"));
        Assert.That(kept, Is.Not.Empty, "workloads/scenarios/results holds the outcomes behind the README");
        Assert.That(readme, Does.Contain("<!-- findings:begin -->\n" + ScenarioFindings.Markdown(kept) + "<!-- findings:end -->"),
            "regenerate with: ./harness scenario findings --save workloads/scenarios/results");
    }
}
