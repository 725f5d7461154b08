using System.CommandLine;
using Harness.Checkers.Linearizability;
using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness bench</c>: measures checker speed and memory and writes the figures to files (speed targets
/// are measured here, never asserted in tests).</summary>
internal static class BenchCommand
{
    private static readonly Option<string> Out = new("--out") { Description = "Directory for the CSV and markdown results.", DefaultValueFactory = _ => "store/bench" };

    public static Command Build()
    {
        var bench = new Command("bench", "Benchmark the checkers and the harness itself (runner rate, soak memory); results are written as CSV and markdown.");
        bench.Subcommands.Add(Linearizability());
        bench.Subcommands.Add(Elle());
        bench.Subcommands.Add(HarnessBenchCommands.Runner());
        bench.Subcommands.Add(HarnessBenchCommands.Soak());
        bench.Subcommands.Add(HarnessBenchCommands.History());
        return bench;
    }

    private static Command Linearizability()
    {
        var corpus = new Option<string[]>("--corpus") { Description = "Directory of history files (repeatable, e.g. ../shared/corpus/porcupine); every file is checked, best of --repeats.", Required = true, AllowMultipleArgumentsPerToken = true };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per history; the best is kept.", DefaultValueFactory = _ => 3 };
        var generated = new Option<int>("--generated-ops") { Description = "Also time a generated kv history of this many operations (0 = skip).", DefaultValueFactory = _ => 0 };
        var keys = new Option<int>("--generated-keys") { Description = "Keys of the generated kv history.", DefaultValueFactory = _ => 1000 };
        var unsplit = new Option<bool>("--unsplit") { Description = "Also time every porcupine kv file without per-key splitting: decided by locality, and searched as one state space." };
        var cmd = new Command("linearizability", "Time the linearizability checker on every file of a corpus.");
        foreach (var o in new Option[] { corpus, repeats, generated, keys, unsplit, Out }) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var dirs = p.GetValue(corpus)!;
            foreach (var d in dirs)
                if (!Directory.Exists(d)) throw new UsageException($"--corpus {d}: no such directory");
            var outDir = p.GetValue(Out)!;
            var rows = dirs.SelectMany(d => LinearizabilityBenchmark.Run(d, outDir, p.GetValue(repeats), log: Console.Out)).ToList();
            if (p.GetValue(unsplit))
                foreach (var f in dirs.SelectMany(d => Directory.EnumerateFiles(d, "c*.txt", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
                    rows.AddRange(LinearizabilityBenchmark.RunUnsplitKvBothWays(f, p.GetValue(repeats)));
            if (p.GetValue(generated) > 0)
                rows.Add(LinearizabilityBenchmark.RunGeneratedKv(p.GetValue(generated), p.GetValue(keys), repeats: p.GetValue(repeats)));
            LinearizabilityBenchmark.Write(rows, outDir);
            var mismatches = rows.Count(r => r.Mismatch);
            AnsiConsole.MarkupLine($"{rows.Count} histories, total [bold]{rows.Sum(r => r.BestMs):0.#} ms[/], slowest {Markup.Escape(rows.MaxBy(r => r.BestMs)?.Name ?? "-")} {rows.Max(r => r.BestMs):0.#} ms, " +
                (mismatches == 0 ? "[green]0 mismatches[/]" : $"[red]{mismatches} mismatches[/]") + $", {rows.Count(r => r.TimedOut)} out of time");
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(Path.Combine(outDir, "bench-linearizability.md"))}[/] and .csv");
            return mismatches == 0 ? 0 : ExitCodes.Invalid;
        });
        return cmd;
    }

    private static Command Elle()
    {
        var txns = new Option<int>("--txns") { Description = "Number of list-append transactions to generate and check.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated histories.", DefaultValueFactory = _ => 1 };
        var writeJson = new Option<string?>("--write-json") { Description = "Also write the generated history as elle-cli JSON to this file (to time `harness check` on it as a whole process)." };
        var cmd = new Command("elle", "Generate list-append histories from seeded in-memory databases and time the transactional checker.");
        foreach (var o in new Option[] { txns, seed, Out, writeJson }) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var outDir = p.GetValue(Out)!;
            if (p.GetValue(writeJson) is { } jsonPath)
                Harness.Core.Formats.ElleJsonHistory.Write(jsonPath, ElleBenchmark.GenerateListAppend(p.GetValue(txns), p.GetValue(seed)).Ops);
            var r = ElleBenchmark.Measure(p.GetValue(txns), p.GetValue(seed));
            var path = Path.Combine(outDir, "bench-elle.md");
            ElleBenchmark.WriteReport(path, [r], "Measured by `harness bench elle`.");
            AnsiConsole.MarkupLine($"{r.Transactions} transactions: generated in {r.GenerateSeconds:0.00} s, checked in [bold]{r.CheckSeconds:0.000} s[/] " +
                $"({r.Edges} edges, peak {r.PeakWorkingSetBytes / 1048576.0:0} MiB), verdict {r.Validity.Word()}");
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
            return r.Validity == Harness.Core.Checking.Validity.Valid ? 0 : ExitCodes.Invalid;
        });
        return cmd;
    }
}
