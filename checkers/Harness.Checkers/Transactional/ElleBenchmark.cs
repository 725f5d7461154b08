using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harness.Checkers.Transactional.Internal;
using Harness.Core.Checking;

namespace Harness.Checkers.Transactional;

/// <summary>
/// Measures the transactional checker on large list-append histories generated from a seeded, serializable
/// in-memory store (see the targets: 100,000 transactions in under 1 s, 1,000,000 in under 10 s within
/// 4 GiB). Generation is timed separately; only <see cref="TransactionalChecker.Check"/> counts as check time.
/// </summary>
public static class ElleBenchmark
{
    /// <summary>A strict serializable list-append history of <paramref name="transactions"/> transactions from
    /// <paramref name="clients"/> interleaved clients; keys are retired after <paramref name="maxAppendsPerKey"/> appends.</summary>
    public static Core.History.History GenerateListAppend(int transactions, int seed, int clients = 10, int activeKeys = 10, int maxAppendsPerKey = 32) =>
        Core.History.History.Of(new SerializableListAppendStore(seed, clients, activeKeys, maxAppendsPerKey).Generate(transactions));

    public static ElleBenchmarkResult Measure(int transactions, int seed = 1)
    {
        var clock = Stopwatch.StartNew();
        var history = GenerateListAppend(transactions, seed);
        var generate = clock.Elapsed.TotalSeconds;
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        clock.Restart();
        var result = new TransactionalChecker(TransactionalChecker.ListAppend, "strict-serializable").Check(history, CheckContext.Default);
        var check = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var edges = result.Stats.TryGetValue("edges", out var e) && e is long n ? n : 0;
        return new ElleBenchmarkResult(transactions, seed, generate, check, edges, self.PeakWorkingSet64, GC.GetTotalMemory(false), result.Validity)
        {
            CheckCpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds,
        };
    }

    /// <summary>Writes the results as a markdown table (invariant culture) and returns the text.</summary>
    public static string WriteReport(string path, IReadOnlyList<ElleBenchmarkResult> results, string? note = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Transactional checker benchmark (list-append, serializable in-memory store)");
        sb.AppendLine();
        if (note is not null) sb.AppendLine(note).AppendLine();
        sb.AppendLine("| transactions | seed | generate (s) | check (s) | check CPU (s) | edges | peak working set (MiB) | managed after check (MiB) | verdict |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Transactions} | {r.Seed} | {r.GenerateSeconds:0.000} | {r.CheckSeconds:0.000} | {r.CheckCpuSeconds:0.000} | {r.Edges} | {r.PeakWorkingSetBytes / 1048576.0:0} | {r.ManagedBytesAfterCheck / 1048576.0:0} | {r.Validity.Word()} |"));
        var text = sb.ToString();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
        return text;
    }
}
