using System.CommandLine;
using System.Diagnostics;
using Harness.Cli.Catalog;
using Harness.Cli.Terminal;
using Harness.Core.Testing;
using Harness.Docker;
using Harness.Runner;

namespace Harness.Cli.Commands;

/// <summary><c>harness run</c>: build images, start the cluster, run the workload under faults, record the history,
/// check it, write results, report and JUnit XML, and print a short summary with the paths written.</summary>
public static class RunCommand
{
    public static Command Build()
    {
        var o = new RunOptions();
        var cmd = new Command("run", "Run a test against a real cluster in Docker under faults, then check it and write a report.");
        foreach (var opt in o.All) cmd.Options.Add(opt);
        cmd.SetAction((parse, ct) => ExecuteAsync(o.ToSpec(parse), parse.GetValue(o.Store)!, parse.GetValue(o.KeepCluster), ct));
        return cmd;
    }

    public static async Task<int> ExecuteAsync(TestSpec test, string storeRoot, bool keepCluster, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var display = new ProgressDisplay();
        await DockerPreflight.RequireEngineAsync(ct).ConfigureAwait(false);
        await display.RunAsync("building images", async p =>
        {
            await Catalogs.EnsureImagesAsync(test, p, ct).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        var imagesTime = watch.Elapsed;
        var store = new RunStore(storeRoot);
        var dir = store.CreateRun(test, DateTime.UtcNow);
        var runId = Path.GetFileName(dir).ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);
        var db = Catalogs.Database(test, runId);
        var workload = Catalogs.Workload(test, db);
        var (nemesis, schedule) = Catalogs.Nemesis(test, db);
        var run = new TestRun(test, db, workload, nemesis, schedule, dir) { KeepCluster = keepCluster };
        Harness.Core.History.History history;
        await using (db)
        {
            history = await display.RunAsync($"running {test.Name} for {test.TimeLimitSeconds:0.#} s", p =>
                new TestRunner(run, new Progress<RunProgress>(r => p.Report(RunSummary.ProgressLine(r)))).RunAsync(ct)).ConfigureAwait(false);
        }
        var runTime = watch.Elapsed - imagesTime;
        var result = await display.RunAsync("checking", _ =>
            Task.Run(() => RunChecking.CheckAndWrite(test, workload.Checker(), workload.CheckerOptions, history, dir, ct), ct)).ConfigureAwait(false);
        var checkTime = watch.Elapsed - imagesTime - runTime;
        var written = RunChecking.WriteReports(dir, test, result, watch.Elapsed, store.Root);
        var reportTime = watch.Elapsed - imagesTime - runTime - checkTime;
        RunSummary.Print(test, history, result, watch.Elapsed, written);
        Spectre.Console.AnsiConsole.MarkupLine(
            $"timings: images {imagesTime.TotalSeconds:0.0} s, cluster + run + teardown {runTime.TotalSeconds:0.0} s, check {checkTime.TotalSeconds:0.00} s, report {reportTime.TotalSeconds:0.00} s");
        return ExitCodeFor(result.Validity);
    }

    public static int ExitCodeFor(Harness.Core.Checking.Validity v) => v switch
    {
        Harness.Core.Checking.Validity.Valid => ExitCodes.Valid,
        Harness.Core.Checking.Validity.Invalid => ExitCodes.Invalid,
        _ => ExitCodes.Unknown,
    };
}
