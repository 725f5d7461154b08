using System.CommandLine;
using System.Globalization;
using Harness.Cli.Bench;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness bench runner</c> and <c>harness bench soak</c>: the harness's own limits (rate it can drive,
/// memory over a long run), measured through the whole pipeline and written to markdown; never asserted in tests.</summary>
internal static class HarnessBenchCommands
{
    private static readonly Option<string> Out = new("--out") { Description = "Directory for the markdown results.", DefaultValueFactory = _ => "store/bench" };
    private static readonly Option<string> Store = new("--store") { Description = "Store for the benchmark's runs.", DefaultValueFactory = _ => "store/bench-runs" };

    public static Command Runner()
    {
        var rates = new Option<double[]>("--rates") { Description = "Target rates (ops/s) to try with the in-process database (default: 2000 10000 50000).", AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double>("--seconds") { Description = "Length of each run.", DefaultValueFactory = _ => 20 };
        var concurrency = new Option<int>("--concurrency") { Description = "Client processes per node (3 nodes).", DefaultValueFactory = _ => 10 };
        var postgres = new Option<double>("--postgres-rate") { Description = "Also run real PostgreSQL once at this target rate (0 = skip).", DefaultValueFactory = _ => 0 };
        var cmd = new Command("runner", "Highest rate the runner sustains: an in-process no-op database at each --rates, optionally one PostgreSQL run.");
        foreach (var o in new Option[] { rates, seconds, concurrency, postgres, Out, Store }) cmd.Options.Add(o);
        cmd.SetAction(async (p, ct) =>
        {
            var rows = new List<HarnessBenchmark.Row>();
            foreach (var rate in p.GetValue(rates) is { Length: > 0 } given ? given : [2_000, 10_000, 50_000])
                rows.Add(await Once($"bench-runner-{rate:0}", InMemoryRegisterModule.ModuleName, rate, p.GetValue(concurrency), p.GetValue(seconds), p, ct));
            if (p.GetValue(postgres) is > 0 and var pgRate)
                rows.Add(await Once($"bench-runner-pg-{pgRate:0}", "postgres", pgRate, p.GetValue(concurrency), p.GetValue(seconds), p, ct));
            return Finish(p, "bench-runner.md", rows);
        });
        return cmd;
    }

    public static Command Soak()
    {
        var minutes = new Option<double>("--minutes") { Description = "Length of the soak run.", DefaultValueFactory = _ => 5 };
        var rate = new Option<double>("--rate") { Description = "Target rate (ops/s).", DefaultValueFactory = _ => 1_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Client processes per node (3 nodes).", DefaultValueFactory = _ => 10 };
        var cmd = new Command("soak", "A long run at a steady rate on the in-process database: time, history size and peak memory through check and report.");
        foreach (var o in new Option[] { minutes, rate, concurrency, Out, Store }) cmd.Options.Add(o);
        cmd.SetAction(async (p, ct) =>
        {
            var row = await Once($"bench-soak-{p.GetValue(minutes):0.#}min", InMemoryRegisterModule.ModuleName, p.GetValue(rate), p.GetValue(concurrency), p.GetValue(minutes) * 60, p, ct);
            return Finish(p, "bench-soak.md", [row]);
        });
        return cmd;
    }

    public static Command History()
    {
        var from = new Option<string>("--from") { Description = "A stored register run folder to repeat (e.g. a soak's).", DefaultValueFactory = _ => "store/bench-runs/bench-soak-5min/latest" };
        var copies = new Option<int>("--copies") { Description = "How many times to repeat its history (18 copies of a 5-minute soak at 1,000 ops/s: an hour's operations).", DefaultValueFactory = _ => 18 };
        var cmd = new Command("history", "Check and report a long history made by repeating a stored soak's (fresh keys, later times): time and peak memory of the part of a long run that grows with its length.");
        foreach (var o in new Option[] { from, copies, Out, Store }) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var source = Path.GetFullPath(p.GetValue(from)!);
            if (!File.Exists(Path.Combine(source, "history.jsonl"))) throw new UsageException($"{source}: no history.jsonl there (run 'harness bench soak' first)");
            var row = HistoryBenchmark.Run(source, p.GetValue(copies), p.GetValue(Store)!, new Progress<string>(l => Console.Out.WriteLine("  " + l)));
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
            var path = HistoryBenchmark.Write(p.GetValue(Out)!, row, $"Measured by `harness bench history` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at the end: {load}. " +
                "Check s includes reading the history back; peak RSS is VmHWM of the whole process.");
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{Markup.Escape(row.Name)}: {row.Operations} ops ({row.Lines} lines), check {row.CheckSeconds:0.0} s, report {row.ReportSeconds:0.0} s, CPU {row.CpuSeconds:0.0} s, peak RSS [bold]{row.PeakRss / 1048576.0:0} MiB[/], {row.Verdict}"));
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
            return row.Verdict == "valid" ? 0 : ExitCodes.Invalid;
        });
        return cmd;
    }

    private static Task<HarnessBenchmark.Row> Once(string name, string database, double rate, int concurrency, double seconds, ParseResult p, CancellationToken ct)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(name)}[/]: {database}, target {rate.ToString("0", CultureInfo.InvariantCulture)} ops/s, {seconds.ToString("0", CultureInfo.InvariantCulture)} s");
        var last = DateTime.MinValue;
        var progress = new Progress<string>(line =>
        {
            if (!line.StartsWith("running", StringComparison.Ordinal) || DateTime.UtcNow - last > TimeSpan.FromSeconds(30))
            {
                last = DateTime.UtcNow;
                Console.Out.WriteLine("  " + line);
            }
        });
        return HarnessBenchmark.RunAsync(name, database, rate, concurrency, seconds, p.GetValue(Store)!, progress, ct);
    }

    private static int Finish(ParseResult p, string file, IReadOnlyList<HarnessBenchmark.Row> rows)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        var note = $"Measured by `harness bench` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at the end: {load}. " +
                   "ops/s counts client operations (invocations) over the run's time limit; peak RSS overall is VmHWM (recording, checking and report).";
        var path = HarnessBenchmark.Write(p.GetValue(Out)!, file, rows, note);
        foreach (var r in rows)
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{Markup.Escape(r.Name)}: {r.Operations} ops in {r.Seconds:0} s = [bold]{r.OpsPerSecond:0} ops/s[/], check {r.CheckSeconds:0.0} s, report {r.ReportSeconds:0.0} s, peak RSS {r.PeakRss / 1048576.0:0} MiB, {r.Verdict}"));
        AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
        return rows.All(r => r.Verdict == "valid" || r.Database != InMemoryRegisterModule.ModuleName) ? 0 : ExitCodes.Invalid;
    }
}
