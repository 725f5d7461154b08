using System.CommandLine;
using System.Globalization;
using Harness.Cli.Terminal;
using Harness.Core.Checking;
using Harness.Lab;
using Harness.Lab.Scenarios;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness scenario list | run NAME... | run --all | findings</c>: the replication article's claims as runs; the
/// nightly job. Writes the trade-off page, JUnit XML (one case per claim) and the figures; exits 0 when every claim
/// held, 1 when one did not, 2 when one could not be decided.</summary>
internal static class ScenarioCommand
{
    private static readonly Argument<string[]> Names = new("names") { Description = "Scenario names (see 'harness scenario list').", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<bool> All = new("--all") { Description = "Run every scenario in the catalogue (the nightly job)." };
    private static readonly Option<string> Store = new("--store") { Description = "Directory for run output; results go to <store>/scenarios/<timestamp>/.", DefaultValueFactory = _ => "store" };
    private static readonly Option<string?> Save = new("--save") { Description = "Also keep the newest outcome of each scenario as <dir>/NAME.json (e.g. workloads/scenarios/results), merged with those already there." };
    private static readonly Option<double?> TimeLimit = new("--time-limit") { Description = "Override every run's time limit in seconds (shorter nightly runs)." };

    public static Command Build()
    {
        var cmd = new Command("scenario", "The replication article's claims as scenario runs: list them, or run some or all (the nightly job).");
        var list = new Command("list", "List the scenarios: name, claim, runs and seeds.");
        list.SetAction(_ =>
        {
            foreach (var s in ScenarioCatalog.All(HarnessModules.Registry))
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(s.Name)}[/] ({s.Runs.Count} runs x {s.Seeds.Count} seeds): {Markup.Escape(s.Claim)}");
            return 0;
        });
        var run = new Command("run", "Run scenarios and write compare.html, junit.xml and scenarios.json.");
        run.Arguments.Add(Names);
        foreach (var o in new Option[] { All, Store, TimeLimit }) run.Options.Add(o);
        run.SetAction((p, ct) => RunAsync(p, ct));
        var findings = new Command("findings", "Print the findings table (Markdown) from the newest result of each scenario in the store; --save keeps those results as files (the README's evidence).");
        findings.Options.Add(Store);
        findings.Options.Add(Save);
        findings.SetAction(p =>
        {
            var catalog = ScenarioCatalog.All(HarnessModules.Registry).ToDictionary(s => s.Name, StringComparer.Ordinal);
            // Re-evaluated against the catalogue as it is now, from the runs' stored files (a fixed figure applies to old runs).
            IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> outcomes = ScenarioFindings.Collect(p.GetValue(Store)!)
                .ToDictionary(kv => kv.Key, kv => catalog.TryGetValue(kv.Key, out var sc) ? ScenarioFindings.Reevaluate(kv.Value, sc) : kv.Value, StringComparer.Ordinal);
            if (p.GetValue(Save) is { } dir)
            {
                var merged = ScenarioFindings.Load(dir).Concat(outcomes).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
                foreach (var path in ScenarioFindings.Save(dir, outcomes)) Console.Error.WriteLine($"  wrote {path}");
                outcomes = merged;
            }
            Console.Out.Write(ScenarioFindings.Markdown(outcomes));
            return 0;
        });
        cmd.Subcommands.Add(list);
        cmd.Subcommands.Add(run);
        cmd.Subcommands.Add(findings);
        return cmd;
    }

    private static async Task<int> RunAsync(ParseResult p, CancellationToken ct)
    {
        var registry = HarnessModules.Registry;
        var names = p.GetValue(Names) ?? [];
        var scenarios = p.GetValue(All) ? ScenarioCatalog.All(registry) : names.Select(n => ScenarioCatalog.Find(n, registry)).ToList();
        if (scenarios.Count == 0) throw new UsageException("name scenarios to run, or --all (see 'harness scenario list')");
        var settings = new RunSettings { StoreRoot = p.GetValue(Store)! };
        var outcomes = new List<ScenarioOutcome>();
        foreach (var s in scenarios)
        {
            var outcome = await new ProgressDisplay().RunAsync($"scenario {s.Name}", pr => ScenarioRunner.RunAsync(s, settings, p.GetValue(TimeLimit), pr, ct)).ConfigureAwait(false);
            outcomes.Add(outcome);
            foreach (var failed in outcome.Runs.Where(r => r.Error is not null))
                AnsiConsole.MarkupLine($"  [red]{Markup.Escape(failed.Label)} seed {failed.Seed} failed:[/] {Markup.Escape(failed.Error!)}");
            AnsiConsole.MarkupLine($"{RunSummary.Badge(outcome.Verdict)} [bold]{Markup.Escape(s.Name)}[/] in {outcome.Elapsed.TotalSeconds:0} s: {Markup.Escape(outcome.Summary)}");
        }
        var dir = Path.Combine(Path.GetFullPath(settings.StoreRoot), "scenarios", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        foreach (var path in ScenarioReport.Write(dir, outcomes)) AnsiConsole.MarkupLine($"  wrote [blue]{Markup.Escape(path)}[/]");
        return RunCommand.ExitCodeFor(outcomes.Select(o => o.Verdict).Worst());
    }
}
