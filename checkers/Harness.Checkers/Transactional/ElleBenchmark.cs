using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harness.Checkers.Transactional.Internal;
using Harness.Core.Checking;

namespace Harness.Checkers.Transactional;

/// <summary>
/// Measures the transactional checker on large list-append histories generated from a seeded, serializable
/// in-memory store and streamed into it (issue 8: 10,000,000 transactions within 8 GiB). Generation is timed
/// apart; the peak working set is the whole process's.
/// </summary>
public static class ElleBenchmark
{
    /// <summary>A strict serializable list-append history of <paramref name="transactions"/> transactions from
    /// <paramref name="clients"/> interleaved clients; keys are retired after <paramref name="maxAppendsPerKey"/> appends.</summary>
    public static Core.History.History GenerateListAppend(int transactions, int seed, int clients = 10, int activeKeys = 10, int maxAppendsPerKey = 32) =>
        Core.History.History.Of(new SerializableListAppendStore(seed, clients, activeKeys, maxAppendsPerKey).Generate(transactions));

    /// <summary>The same history as <see cref="GenerateListAppend"/>, one operation at a time.</summary>
    public static IEnumerable<Core.History.Op> StreamListAppend(int transactions, int seed, int clients = 10, int activeKeys = 10, int maxAppendsPerKey = 32) =>
        new SerializableListAppendStore(seed, clients, activeKeys, maxAppendsPerKey).Stream(transactions);

    /// <summary>Generates the history and streams it into the checker (<see cref="TransactionalChecker.CheckStream"/>),
    /// so the history is never held: memory is the checker's. Generation is timed apart (the time spent producing
    /// operations); check time is the rest.</summary>
    public static ElleBenchmarkResult Measure(int transactions, int seed = 1)
    {
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var generate = new Stopwatch();
        var clock = Stopwatch.StartNew();
        var result = new TransactionalChecker(TransactionalChecker.ListAppend, "strict-serializable")
            .CheckStream(Timed(StreamListAppend(transactions, seed), generate), CheckContext.Default, transactions);
        var total = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var edges = result.Stats.TryGetValue("edges", out var e) && e is long n ? n : 0;
        return new ElleBenchmarkResult(transactions, seed, generate.Elapsed.TotalSeconds, total - generate.Elapsed.TotalSeconds, edges,
            self.PeakWorkingSet64, GC.GetTotalMemory(false), result.Validity)
        {
            CheckCpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds,
        };
    }

    private static IEnumerable<Core.History.Op> Timed(IEnumerable<Core.History.Op> ops, Stopwatch watch)
    {
        using var e = ops.GetEnumerator();
        while (true)
        {
            watch.Start();
            var more = e.MoveNext();
            watch.Stop();
            if (!more) yield break;
            yield return e.Current;
        }
    }

    /// <summary>Writes the results as a markdown table (invariant culture) and returns the text.</summary>
    public static string WriteReport(string path, IReadOnlyList<ElleBenchmarkResult> results, string? note = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Transactional checker benchmark (list-append, serializable in-memory store)");
        sb.AppendLine();
        if (note is not null) sb.AppendLine(note).AppendLine();
        sb.AppendLine("| transactions | seed | generate (s) | check (s) | generate + check CPU (s) | edges | peak working set (MiB) | managed after check (MiB) | verdict |");
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
