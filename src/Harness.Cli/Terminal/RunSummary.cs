using Harness.Core.Checking;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Runner;
using Spectre.Console;

namespace Harness.Cli.Terminal;

/// <summary>The short coloured summary printed at the end of a run or check, with the paths written.</summary>
public static class RunSummary
{
    public static string ProgressLine(RunProgress r) =>
        $"{r.Phase}: {r.Elapsed.TotalSeconds:0.0} s, ok {r.Ok}, fail {r.Fail}, info {r.Info}" + (r.ActiveFault is null ? "" : $", fault: {r.ActiveFault}");

    public static void Print(TestSpec? test, History history, CheckResult result, TimeSpan elapsed, IReadOnlyList<string> written)
    {
        var pairs = history.Pairs().Where(p => !p.Invoke.IsNemesis).ToList();
        var ok = pairs.Count(p => p.Completion?.IsOk == true);
        var fail = pairs.Count(p => p.Completion?.IsFail == true);
        var info = pairs.Count - ok - fail;
        var faults = history.FaultWindows().Count;
        AnsiConsole.WriteLine();
        if (test is not null)
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(test.Name)}[/]: {test.Database} x{test.Nodes}{(test.Database == "postgres" ? " " + test.Replication : "")}, {test.Workload}, nemesis {Markup.Escape(string.Join(",", test.Nemesis.DefaultIfEmpty("none")))}, seed {test.Seed}");
        AnsiConsole.MarkupLine($"operations: {pairs.Count} ([green]ok {ok}[/], [red]fail {fail}[/], [yellow]info {info}[/]); faults: {faults}; elapsed {elapsed.TotalSeconds:0.0} s");
        foreach (var r in result.Children.Count > 0 ? result.Children : [result])
            AnsiConsole.MarkupLine($"  {Badge(r.Validity)} [bold]{Markup.Escape(r.Checker)}[/]: {Markup.Escape(Truncate(r.Summary))}");
        AnsiConsole.MarkupLine($"verdict: {Badge(result.Validity)}");
        foreach (var path in written) AnsiConsole.MarkupLine($"  wrote [blue]{Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, path))}[/]");
    }

    public static string Badge(Validity v) => v switch
    {
        Validity.Valid => "[bold green]VALID[/]",
        Validity.Invalid => "[bold red]INVALID[/]",
        _ => "[bold yellow]UNKNOWN[/]",
    };

    private static string Truncate(string s) => s.Length > 160 ? s[..157] + "..." : s;
}
