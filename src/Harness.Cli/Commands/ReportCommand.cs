using System.CommandLine;
using Harness.Reports;
using Harness.Runner;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness report</c>: renders report.html for a stored run from its files, offline.</summary>
internal static class ReportCommand
{
    private static readonly Argument<string> Target = new("run-dir") { Description = "A run directory, 'latest', or a test name under the store." };
    private static readonly Option<string> Store = new("--store") { Description = "Directory holding the runs.", DefaultValueFactory = _ => "store" };

    public static Command Build()
    {
        var cmd = new Command("report", "Write report.html (and the store index) for a stored run.");
        cmd.Arguments.Add(Target);
        cmd.Options.Add(Store);
        cmd.SetAction(p =>
        {
            var store = new RunStore(p.GetValue(Store)!);
            var dir = store.Resolve(p.GetValue(Target)!);
            if (!File.Exists(Path.Combine(dir, RunStore.ResultsFile)))
                throw new UsageException($"{dir}: no {RunStore.ResultsFile}; run 'harness check {dir}' first");
            var path = HtmlReport.Write(dir, Harness.Lab.HarnessModules.Registry.FaultColours);
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
            if (Directory.Exists(store.Root)) AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(StoreIndex.Write(store.Root))}[/]");
            return 0;
        });
        return cmd;
    }
}
