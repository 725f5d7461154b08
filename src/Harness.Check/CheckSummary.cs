using Harness.Core.Checking;
using Harness.Core.Testing;
using Spectre.Console;

namespace Harness.Check;

/// <summary>The short coloured summary printed at the end of a run or check, with the paths written.</summary>
public static class CheckSummary
{
    /// <summary>The summary of a checked history (a re-check or a history file), from its counts.</summary>
    public static void Print(TestSpec? test, CheckCounts counts, CheckResult result, TimeSpan elapsed, IReadOnlyList<string> written) =>
        Print(test, counts.Operations, counts.Ok, counts.Fail, counts.Faults, result, elapsed, written);

    /// <summary>The summary from counts: operations (ok, fail, the rest info), faults, the checkers' verdicts.</summary>
    public static void Print(TestSpec? test, int ops, int ok, int fail, int faults, CheckResult result, TimeSpan elapsed, IReadOnlyList<string> written)
    {
        var info = ops - ok - fail;
        AnsiConsole.WriteLine();
        if (test is not null)
        {
            var options = string.Join(" ", test.DatabaseOptions.Concat(test.WorkloadOptions).Select(kv => $"{kv.Key}={kv.Value}"));
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(test.Name)}[/]: {test.Database} x{test.Nodes}, {test.Workload}, nemesis {Markup.Escape(string.Join(",", test.Nemesis.DefaultIfEmpty("none")))}, seed {test.Seed}" +
                (options.Length > 0 ? $" [grey]({Markup.Escape(options)})[/]" : ""));
        }
        AnsiConsole.MarkupLine($"operations: {ops} ([green]ok {ok}[/], [red]fail {fail}[/], [yellow]info {info}[/]); faults: {faults}; elapsed {elapsed.TotalSeconds:0.0} s");
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
