using System.CommandLine;
using Harness.Cli.Terminal;
using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Lab;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness run</c>: parse the options into a test, call <see cref="TestHarness.RunAsync"/>, print a short
/// summary with the paths written. Everything else happens in the library.</summary>
internal static class RunCommand
{
    public static Command Build()
    {
        var o = new RunOptions(HarnessModules.Registry);
        var cmd = new Command("run", "Run a test against a real cluster in Docker under faults, then check it and write a report.");
        foreach (var opt in o.All) cmd.Options.Add(opt);
        cmd.SetAction((parse, ct) => ExecuteAsync(o.ToSpec(parse), new RunSettings { StoreRoot = parse.GetValue(o.Store)!, KeepCluster = parse.GetValue(o.KeepCluster) }, ct));
        return cmd;
    }

    public static async Task<int> ExecuteAsync(TestSpec test, RunSettings settings, CancellationToken ct)
    {
        var display = new ProgressDisplay();
        var result = await display.RunAsync($"{test.Name}: {test.Database}, {test.Workload}, {test.TimeLimitSeconds:0.#} s",
            p => TestHarness.RunAsync(test, settings, p, ct)).ConfigureAwait(false);
        RunSummary.Print(result);
        var t = result.Timings;
        AnsiConsole.MarkupLine(
            $"timings: images {t.Images.TotalSeconds:0.0} s, cluster + run + teardown {t.Run.TotalSeconds:0.0} s, check {t.Check.TotalSeconds:0.00} s, report {t.Report.TotalSeconds:0.00} s");
        return ExitCodeFor(result.Verdict);
    }

    public static int ExitCodeFor(Validity v) => ExitCodes.For(v);
}
