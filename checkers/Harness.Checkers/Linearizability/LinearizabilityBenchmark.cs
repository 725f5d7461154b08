using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;

namespace Harness.Checkers.Linearizability;

/// <summary>
/// Times the linearizability checker: every history file of a corpus (best of <c>repeats</c> runs, parsing
/// excluded), written as <c>bench-linearizability.csv</c> and <c>bench-linearizability.md</c>; plus a generated
/// 1,000,000-operation kv history and kv checked without per-key splitting. Porcupine corpus files are
/// recognised by name (<see cref="PorcupineCorpus"/>); other files are read by extension with the given options.
/// </summary>
public static class LinearizabilityBenchmark
{
    public static IReadOnlyList<BenchmarkRow> Run(string corpusDir, string outDir, int repeats = 3,
        LinearizabilityOptions? defaults = null, TextWriter? log = null)
    {
        var rows = new List<BenchmarkRow>();
        var files = Directory.EnumerateFiles(corpusDir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".log" or ".txt" or ".edn" or ".jsonl" && new FileInfo(f).Length > 0)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var known = PorcupineCorpus.Describe(file);
            var format = known?.Format ?? HistoryFormats.Guess(file);
            var options = known?.Options ?? defaults ?? new LinearizabilityOptions();
            var history = History.Of(HistoryFormats.Read(file, format));
            var expected = PorcupineCorpus.ExpectedLinearizable(file) is { } e ? (e ? "valid" : "invalid") : null;
            var row = Time(Path.GetRelativePath(corpusDir, file), format, history, options, repeats, expected);
            log?.WriteLine($"{row.Name}: {row.Verdict} in {row.BestMs.ToString("0.###", CultureInfo.InvariantCulture)} ms");
            rows.Add(row);
        }
        Write(rows, outDir);
        return rows;
    }

    /// <summary>Checks <paramref name="history"/> <paramref name="repeats"/> times and keeps the best time.</summary>
    public static BenchmarkRow Time(string name, string format, History history, LinearizabilityOptions options, int repeats, string? expected = null)
    {
        var checker = new LinearizabilityChecker(options);
        var runs = new List<double>();
        var searchMs = double.MaxValue;
        var cpuMs = double.MaxValue;
        CheckResult? result = null;
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < Math.Max(1, repeats); i++)
        {
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = checker.Check(history, CheckContext.Default);
            runs.Add(clock.Elapsed.TotalMilliseconds);
            self.Refresh();
            cpuMs = Math.Min(cpuMs, (self.TotalProcessorTime - cpu).TotalMilliseconds);
            if (result.Stats.TryGetValue("search-ms", out var s) && s is double ms) searchMs = Math.Min(searchMs, ms);
        }
        var ops = history.Ops.LongCount(o => o.IsInvoke && !o.IsNemesis);
        var model = options.Model + (options.SplitByKey == false ? " (unsplit)" : "");
        return new BenchmarkRow(name, format, model, ops, result!.Validity.Word(), expected, runs.Min(), runs)
        {
            BestSearchMs = searchMs == double.MaxValue ? runs.Min() : searchMs,
            BestCpuMs = cpuMs,
            PeakMiB = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
        };
    }

    /// <summary>Generates a seeded linearizable kv history of <paramref name="operations"/> operations over
    /// <paramref name="keys"/> keys and times checking it (split by key).</summary>
    public static BenchmarkRow RunGeneratedKv(int operations = 1_000_000, int keys = 1000, int seed = 1, int repeats = 3)
    {
        var history = History.Of(KvHistoryGenerator.Generate(operations, keys, seed));
        var options = new LinearizabilityOptions { Model = "kv", TimeLimit = TimeSpan.FromMinutes(5) };
        return Time($"generated kv {operations} ops / {keys} keys (seed {seed})", "generated", history, options, repeats, "valid");
    }

    /// <summary>Times a kv corpus file with the whole store as one state (no per-key splitting): decided by locality
    /// (one key's projection at a time, searched with the whole-map model), or with <paramref name="locality"/>
    /// false searched as one state space (Porcupine's kv model without partitions).</summary>
    public static BenchmarkRow RunUnsplitKv(string file, int repeats = 3, TimeSpan? timeLimit = null, bool locality = true)
    {
        var history = History.Of(PorcupineKvHistory.Read(file));
        var options = new LinearizabilityOptions { Model = "kv", SplitByKey = false, Locality = locality, TimeLimit = timeLimit ?? TimeSpan.FromMinutes(2) };
        var expected = PorcupineCorpus.ExpectedLinearizable(file) is { } e ? (e ? "valid" : "invalid") : null;
        var row = Time(Path.GetFileName(file), "porcupine-kv", history, options, repeats, expected);
        return row with { Model = row.Model + (locality ? " by locality" : " as one search") };
    }

    /// <summary>Both unsplit rows of a kv corpus file: by locality, then as one search (best of one run at most
    /// three: the search as one state space takes seconds to minutes).</summary>
    public static IEnumerable<BenchmarkRow> RunUnsplitKvBothWays(string file, int repeats = 3)
    {
        yield return RunUnsplitKv(file, repeats);
        yield return RunUnsplitKv(file, Math.Min(repeats, 3), locality: false);
    }

    /// <summary>Writes the rows as <c>bench-linearizability.csv</c> and <c>.md</c> in <paramref name="outDir"/>.</summary>
    public static void Write(IReadOnlyList<BenchmarkRow> rows, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var ic = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("name,format,model,ops,verdict,expected,best_ms,best_search_ms,best_cpu_ms,peak_mib,runs_ms\n");
        foreach (var r in rows)
            csv.Append(ic, $"{r.Name},{r.Format},{r.Model},{r.Ops},{r.Verdict},{r.Expected},{r.BestMs:0.###},{r.BestSearchMs:0.###},{r.BestCpuMs:0.###},{r.PeakMiB:0.#},{string.Join(' ', r.RunsMs.Select(x => x.ToString("0.###", ic)))}\n");
        File.WriteAllText(Path.Combine(outDir, "bench-linearizability.csv"), csv.ToString());
        var md = new StringBuilder("| history | format | model | ops | verdict | expected | best ms | search ms | cpu ms |\n|---|---|---|---:|---|---|---:|---:|---:|\n");
        foreach (var r in rows)
            md.Append(ic, $"| {r.Name} | {r.Format} | {r.Model} | {r.Ops} | {r.Verdict}{(r.Mismatch ? " **MISMATCH**" : r.TimedOut ? " (time limit)" : "")} | {r.Expected ?? "-"} | {r.BestMs:0.###} | {r.BestSearchMs:0.###} | {r.BestCpuMs:0.###} |\n");
        var total = rows.Sum(r => r.BestMs);
        var slowest = rows.Count == 0 ? null : rows.MaxBy(r => r.BestMs);
        md.Append(ic, $"\n{rows.Count} histories, total {total:0.###} ms wall, {rows.Sum(r => r.BestCpuMs):0.###} ms CPU (best of each), slowest {slowest?.Name} {slowest?.BestMs:0.###} ms, {rows.Count(r => r.Mismatch)} mismatches, {rows.Count(r => r.TimedOut)} out of time (unknown).\n");
        File.WriteAllText(Path.Combine(outDir, "bench-linearizability.md"), md.ToString());
    }
}
