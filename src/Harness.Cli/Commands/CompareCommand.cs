using System.CommandLine;
using Harness.Lab.Scenarios;
using Harness.Runner;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness compare RUN...</c>: one trade-off page over stored runs (a row per run with latency, throughput,
/// writes lost, stale reads, session violations, lag and verdict, each linking to the run's report).</summary>
internal static class CompareCommand
{
    private static readonly Argument<string[]> Runs = new("runs") { Description = "Run directories, 'latest', or test names under the store.", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string> Store = new("--store") { Description = "Directory holding the runs.", DefaultValueFactory = _ => "store" };
    private static readonly Option<string> Out = new("--out") { Description = "The page to write.", DefaultValueFactory = _ => "store/compare.html" };

    public static Command Build()
    {
        var cmd = new Command("compare", "Write one trade-off page (HTML) comparing stored runs.");
        cmd.Arguments.Add(Runs);
        cmd.Options.Add(Store);
        cmd.Options.Add(Out);
        cmd.SetAction(p =>
        {
            var store = new RunStore(p.GetValue(Store)!);
            var dirs = p.GetValue(Runs)!.Select(store.Resolve).ToList();
            var path = ScenarioReport.Compare(p.GetValue(Out)!, dirs);
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
            return 0;
        });
        return cmd;
    }
}
