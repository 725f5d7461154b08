using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;

namespace Harness.Cli.Bench;

/// <summary>
/// Times the harness itself on one run through the whole pipeline (<see cref="TestHarness.RunAsync"/>: record, read
/// back, check, report): the rate it sustained, how long checking and the report took, and the process's peak resident
/// memory (VmHWM, which covers every phase). With the in-process <see cref="InMemoryRegisterModule"/> the database
/// costs nothing, so the figures are the harness's own limits; with <c>postgres</c> they are a real cluster's.
/// </summary>
internal static class HarnessBenchmark
{
    public sealed record Row(string Name, string Database, double TargetRate, int Processes, double Seconds, long Operations,
        double OpsPerSecond, double CheckSeconds, double ReportSeconds, long HistoryBytes, long ReportBytes, long PeakRunRss, long PeakRss, string Verdict);

    public static async Task<Row> RunAsync(string name, string database, double rate, int concurrencyPerNode, double seconds, string store,
        IProgress<string>? progress, CancellationToken ct)
    {
        var spec = new TestSpec { Name = name, Database = database, Workload = "register", Rate = rate, ConcurrencyPerNode = concurrencyPerNode,
            TimeLimitSeconds = seconds, Nemesis = [], CheckTimeLimitSeconds = 600 };
        var registry = database == InMemoryRegisterModule.ModuleName
            ? new Registry([new InMemoryRegisterModule()], HarnessModules.Registry.Workloads, HarnessModules.Registry.Faults)
            : HarnessModules.Registry;
        long peakRun = 0;
        using var sampling = new CancellationTokenSource();
        var running = false;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                if (Volatile.Read(ref running)) peakRun = Math.Max(peakRun, Environment.WorkingSet);
                try { await Task.Delay(200, sampling.Token).ConfigureAwait(false); } catch (OperationCanceledException) { break; }
            }
        }, CancellationToken.None);
        var phases = new Progress<string>(line =>
        {
            if (line.StartsWith("running", StringComparison.Ordinal)) Volatile.Write(ref running, true);
            else if (line.StartsWith("checking", StringComparison.Ordinal)) Volatile.Write(ref running, false);
            progress?.Report(line);
        });
        var result = await TestHarness.RunAsync(spec, new RunSettings { StoreRoot = store, Registry = registry, UsesDocker = database != InMemoryRegisterModule.ModuleName }, phases, ct).ConfigureAwait(false);
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        var runSeconds = result.Test.TimeLimitSeconds;
        return new Row(name, database, rate, result.Test.NodeCount * result.Test.ConcurrencyPerNode, runSeconds, result.Counts.Operations,
            result.Counts.Operations / runSeconds, result.Timings.Check.TotalSeconds, result.Timings.Report.TotalSeconds,
            new FileInfo(result.Paths.History).Length, new FileInfo(result.Paths.Report).Length, peakRun, PeakRss(), result.Verdict.Word());
    }

    /// <summary>The process's peak resident set so far (VmHWM), in bytes.</summary>
    public static long PeakRss()
    {
        if (!File.Exists("/proc/self/status")) return Process.GetCurrentProcess().PeakWorkingSet64;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public static string Write(string directory, string file, IReadOnlyList<Row> rows, string note)
    {
        Directory.CreateDirectory(directory);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("# ").Append(file).Append("\n\n").Append(note).Append("\n\n");
        sb.Append("| run | database | target ops/s | processes | seconds | client ops | ops/s | check s | report s | history MiB | report MiB | peak RSS while running MiB | peak RSS overall MiB | verdict |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
            sb.Append(inv, $"| {r.Name} | {r.Database} | {r.TargetRate:0} | {r.Processes} | {r.Seconds:0} | {r.Operations} | {r.OpsPerSecond:0} | {r.CheckSeconds:0.0} | {r.ReportSeconds:0.0} | {r.HistoryBytes / 1048576.0:0.0} | {r.ReportBytes / 1048576.0:0.00} | {r.PeakRunRss / 1048576.0:0} | {r.PeakRss / 1048576.0:0} | {r.Verdict} |\n");
        var path = Path.Combine(directory, file);
        Harness.Core.Storage.AtomicFile.WriteAllText(path, sb.ToString());
        return path;
    }
}
