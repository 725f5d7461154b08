using System.Diagnostics;
using System.Globalization;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Lab.Internal;
using Harness.Runner;

namespace Harness.Cli.Bench;

/// <summary>
/// The part of a long run that grows with its length, measured without waiting for it: a stored register soak's
/// history is repeated <c>copies</c> times into a new run folder (each copy later in time and on fresh keys, so the
/// result is still a valid history of independent keys), then read back, checked and reported exactly as
/// <see cref="TestHarness.RunAsync"/> does after recording. A 5-minute soak at 1,000 ops/s repeated 18 times has the
/// operations of an hour. Peak RSS is the process's VmHWM (the copying streams, so it is the check and report).
/// </summary>
internal static class HistoryBenchmark
{
    private const long KeyStride = 1_000_000;

    public sealed record Row(string Name, int Copies, long Operations, long Lines, long HistoryBytes, double CheckSeconds, double ReportSeconds,
        double CpuSeconds, long PeakRss, string Verdict);

    public static Row Run(string source, int copies, string store, IProgress<string>? progress)
    {
        var test = TestSpec.FromJson(File.ReadAllText(Path.Combine(source, RunStore.TestFile))) with { Name = $"bench-history-x{copies}" };
        var dir = new RunStore(store).CreateRun(test, DateTime.UtcNow);
        var path = Path.Combine(dir, RunStore.HistoryFile);
        progress?.Report($"writing {copies} copies of {Path.Combine(source, RunStore.HistoryFile)}");
        JsonlHistory.Write(path, Copies(Path.Combine(source, RunStore.HistoryFile), copies));
        var registry = new Registry([new InMemoryRegisterModule()], HarnessModules.Registry.Workloads, HarnessModules.Registry.Faults);
        var workload = registry.Workload(test.Workload);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        progress?.Report("checking");
        var history = History.Of(CompactHistoryReader.Read(path));
        var lines = history.Count;
        var result = RunReports.Check(test, registry.CheckerFor(test, workload.Checker(test), dir), workload.CheckerOptions(test), history, dir, CancellationToken.None);
        var counts = RunReports.Count(history);
        history = null!; // as in a run: the report reads its own copy
        var check = watch.Elapsed;
        progress?.Report("report");
        RunReports.Write(dir, test, result, watch.Elapsed, store, registry.FaultColours, complete: true);
        var report = watch.Elapsed - check;
        return new Row(test.Name, copies, counts.Operations, lines, new FileInfo(path).Length, check.TotalSeconds, report.TotalSeconds,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, HarnessBenchmark.PeakRss(), result.Validity.Word());
    }

    /// <summary>The history <paramref name="copies"/> times over, each copy after the last one ended and on keys
    /// shifted by <see cref="KeyStride"/> per copy; read line by line, never held.</summary>
    private static IEnumerable<Op> Copies(string source, int copies)
    {
        var n = 0L;
        var end = 0L;
        foreach (var line in File.ReadLines(source).Where(l => l.Length > 0))
        {
            n++;
            end = JsonlHistory.Parse(line, 0).Time;
        }
        for (var c = 0; c < copies; c++)
            foreach (var line in File.ReadLines(source).Where(l => l.Length > 0))
            {
                var op = JsonlHistory.Parse(line, 0);
                var value = op.Value is IReadOnlyList<object?> { Count: 2 } kv && kv[0] is long key ? new object?[] { key + c * KeyStride, kv[1] } : op.Value;
                yield return op with { Index = op.Index + c * n, Time = op.Time + c * (end + 1_000_000), Value = value };
            }
    }

    public static string Write(string directory, Row r, string note)
    {
        Directory.CreateDirectory(directory);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"# bench-history.md\n\n{note}\n\n| run | copies | client ops | lines | history MiB | check s | report s | CPU s (check + report) | peak RSS MiB | verdict |\n" +
            $"|---|---|---|---|---|---|---|---|---|---|\n| {r.Name} | {r.Copies} | {r.Operations} | {r.Lines} | {r.HistoryBytes / 1048576.0:0} | {r.CheckSeconds:0.0} | {r.ReportSeconds:0.0} | {r.CpuSeconds:0.0} | {r.PeakRss / 1048576.0:0} | {r.Verdict} |\n");
        var path = Path.Combine(directory, "bench-history.md");
        Harness.Core.Storage.AtomicFile.WriteAllText(path, text);
        return path;
    }
}
