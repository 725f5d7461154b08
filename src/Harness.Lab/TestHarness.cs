using System.Diagnostics;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab.Internal;
using Harness.Runner;
using Harness.Runner.Nemeses;

namespace Harness.Lab;

/// <summary>
/// The library entry point: <c>await TestHarness.RunAsync(spec)</c> resolves the test against the registry, builds
/// the images, starts the cluster, runs the workload under the faults, records the history, checks it, writes
/// results, report, JUnit XML and the store index, and returns a <see cref="RunResult"/>. The CLI is a thin shell
/// around this call; an NUnit test can assert on what it returns.
/// </summary>
public static class TestHarness
{
    /// <summary>Runs <paramref name="spec"/>. Progress arrives as short lines "<c>phase: message</c>".
    /// Throws <see cref="InvalidSpecException"/> for a test that does not fit the registry.</summary>
    public static async Task<RunResult> RunAsync(TestSpec spec, RunSettings? settings = null, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        settings ??= new RunSettings();
        var registry = settings.Registry;
        var test = Resolve(registry, spec);
        var watch = Stopwatch.StartNew();
        if (settings.UsesDocker) await DockerPreflight.RequireEngineAsync(cancellationToken).ConfigureAwait(false);
        var store = new RunStore(settings.StoreRoot);
        if (settings.UsesDocker) await StartupSweep.RunAsync(store, progress, cancellationToken).ConfigureAwait(false);
        using var keep = settings.KeepCluster ? Docker.HarnessLabels.KeepClusters() : null;
        var database = registry.Database(test.Database);
        var images = new ModuleContext("images", test.BaseImage, Prefixed(progress, "images"), Path.Combine(store.Root, "logs"));
        Directory.CreateDirectory(images.LogDirectory);
        Docker.ImageBuilder.LogDirectory = images.LogDirectory;
        await database.EnsureImagesAsync(images, cancellationToken).ConfigureAwait(false);
        var imagesTime = watch.Elapsed;

        var dir = store.CreateRun(test, DateTime.UtcNow);
        var runId = Path.GetFileName(dir).ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);
        var context = images with { RunId = runId, Progress = Prefixed(progress, "cluster"), LogDirectory = Path.Combine(dir, RunStore.LogsDirectory) };
        var cluster = database.CreateCluster(test, context);
        var workload = new ComposedWorkload(registry.Workload(test.Workload), database.ClientFor(test.Workload, cluster, test), test);
        var (nemesis, schedule) = Nemesis(registry, test, cluster);
        var run = new TestRun(test, cluster, workload, nemesis, schedule, dir) { KeepCluster = settings.KeepCluster, Watchdog = settings.Watchdog ?? (settings.UsesDocker ? new EngineWatchdog() : null) };
        var live = new SyncProgress<RunProgress>(r => progress?.Report(ProgressText.Of(r)));
        var recording = await ClusterRun.RecordAsync(run, cluster, runId, live, Prefixed(progress, "teardown"), cancellationToken).ConfigureAwait(false);
        var runTime = watch.Elapsed - imagesTime;

        if (recording.Interruption is { } why) progress?.Report("interrupted: " + why);
        await PausePoint.AtAsync("checking", progress, cancellationToken).ConfigureAwait(false);
        progress?.Report("checking: " + workload.Name);
        var history = Core.History.History.Of(CompactHistoryReader.Read(recording.HistoryPath, w => progress?.Report("checking: " + w)));
        var result = await Task.Run(() => RunReports.Check(test, registry.CheckerFor(test, workload.Checker(), dir), workload.CheckerOptions, history, dir, cancellationToken, recording.Interruption), cancellationToken)
            .ConfigureAwait(false);
        var counts = RunReports.Count(history);
        history = null!; // the report reads its own compact copy from disk; two copies of a long history need not live at once
        var checkTime = watch.Elapsed - imagesTime - runTime;
        await PausePoint.AtAsync("report", progress, cancellationToken).ConfigureAwait(false);
        progress?.Report("report: writing");
        var paths = RunReports.Write(dir, test, result, watch.Elapsed, store.Root, registry.FaultColours, complete: true);
        var reportTime = watch.Elapsed - imagesTime - runTime - checkTime;
        return new RunResult(test, result, counts, paths, new RunTimings(imagesTime, runTime, checkTime, reportTime)) { TeardownFailure = recording.TeardownFailure };
    }

    /// <summary>The complete test <paramref name="spec"/> stands for (defaults filled in), or why it is wrong.</summary>
    public static TestSpec Resolve(Registry registry, TestSpec spec)
    {
        try
        {
            return registry.Resolve(spec);
        }
        catch (ArgumentException e) when (e is not InvalidSpecException)
        {
            throw new InvalidSpecException(e.Message);
        }
    }

    /// <summary>Builds the images of a database module (skipped when their recipes are unchanged).</summary>
    public static async Task BuildImagesAsync(string database, string baseImage, string storeRoot, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var module = HarnessModules.Registry.Database(database);
        var logs = Path.Combine(Path.GetFullPath(storeRoot), "logs");
        Directory.CreateDirectory(logs);
        await DockerPreflight.RequireEngineAsync(cancellationToken).ConfigureAwait(false);
        Docker.ImageBuilder.LogDirectory = logs;
        await module.EnsureImagesAsync(new ModuleContext("images", baseImage, progress, logs), cancellationToken).ConfigureAwait(false);
    }

    private static (Core.Testing.INemesis?, Core.Generators.IGenerator?) Nemesis(Registry registry, TestSpec test, Core.Databases.IDatabase cluster)
    {
        if (test.Nemesis.Count == 0) return (null, null);
        var entries = test.Nemesis.Select(n => new FaultSchedule.Entry(registry.Fault(n), test.FaultOptionsOf(n))).ToList();
        var parts = entries.Select(e => e.Fault.Create(cluster, test, e.Options)).ToList();
        var interval = TimeSpan.FromSeconds(test.NemesisIntervalSeconds);
        var duration = TimeSpan.FromSeconds(test.FaultDurationSeconds);
        var schedule = test.NemesisMode == "overlap"
            ? FaultSchedule.Overlapping(entries, cluster.Nodes, interval, duration)
            : FaultSchedule.Build(entries, cluster.Nodes, interval, duration);
        return (new CompositeNemesis(parts), schedule);
    }

    private static IProgress<string>? Prefixed(IProgress<string>? progress, string phase) =>
        progress is null ? null : new SyncProgress<string>(m => progress.Report($"{phase}: {m}"));
}
