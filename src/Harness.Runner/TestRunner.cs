using Harness.Core.Databases;
using Harness.Core.Formats;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Runner.Internal;

namespace Harness.Runner;

/// <summary>
/// The one impure scheduler. A run goes: set the cluster up; start the clock, the history and the lag sampler;
/// run the client workers (their generator limited to the test's time and rate) beside the nemesis; heal every
/// fault; give the cluster its recovery period; run the final generator (e.g. final reads); collect server logs;
/// tear the cluster down. The history streams to disk as it happens (<see cref="HistoryRecorder"/>);
/// <see cref="RecordAsync"/> returns where it is, checking and reporting are the caller's. If the environment fails
/// mid-run (<see cref="TestRun.Watchdog"/>) or a phase throws after recording began, the run ends early and the
/// recording says why (an interruption), instead of losing the run to an exception.
/// </summary>
public sealed class TestRunner(TestRun run, IProgress<RunProgress>? progress = null)
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TeardownDeadline = TimeSpan.FromMinutes(3);
    private readonly OpCounters _counters = new();
    private volatile string? _interruption;
    private string? _teardownFailure;

    /// <summary>Runs the test and returns the whole history read back from disk (small runs and tests).</summary>
    public async Task<History> RunAsync(CancellationToken ct)
    {
        var recording = await RecordAsync(ct).ConfigureAwait(false);
        if (recording.Interruption is { } why) throw new InvalidOperationException("the run was interrupted: " + why);
        return History.Of(CompactHistoryReader.Read(recording.HistoryPath));
    }

    /// <summary>Runs the test, streaming the history to <c>history.jsonl</c>; keeps nothing of it in memory.</summary>
    public async Task<RunRecording> RecordAsync(CancellationToken ct)
    {
        Report("setting up cluster", TimeSpan.Zero);
        try
        {
            await run.Database.SetupAsync(ct).ConfigureAwait(false);
            if (run.Workload is IWorkloadSetup setup)
            {
                Report("preparing workload", TimeSpan.Zero);
                await setup.SetupAsync(ct).ConfigureAwait(false);
            }
        }
        catch
        {
            await FinishClusterAsync().ConfigureAwait(false);
            throw;
        }
        var clock = new RunClock();
        var path = Path.Combine(run.Directory, RunStore.HistoryFile);
        using var recorder = new HistoryRecorder(path, clock);
        using var lagCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var lagTask = run.Database is IReplicationLagSource lag
            ? new LagSampler(lag, Path.Combine(run.Directory, RunStore.LagFile), clock).RunAsync(lagCts.Token)
            : Task.CompletedTask;
        var watchTask = run.Watchdog is null ? Task.CompletedTask : WatchAsync(run.Watchdog, stop, lagCts.Token);
        try
        {
            await PhasesAsync(recorder, clock, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not HistoryWriteException && !ct.IsCancellationRequested)
        {
            _interruption ??= $"the run stopped at {clock.Elapsed.TotalSeconds:0.0} s: {e.GetBaseException().Message}";
        }
        finally
        {
            await lagCts.CancelAsync().ConfigureAwait(false);
            await lagTask.ConfigureAwait(false);
            await watchTask.ConfigureAwait(false);
            await FinishClusterAsync().ConfigureAwait(false);
        }
        return new RunRecording(path, recorder.Count, _interruption) { TeardownFailure = _teardownFailure };
    }

    private async Task PhasesAsync(HistoryRecorder recorder, RunClock clock, CancellationToken ct)
    {
        var test = run.Test;
        var workers = Workers(recorder, clock);
        var random = new SeededRandom(test.Seed);
        var main = Gen.TimeLimit(TimeSpan.FromSeconds(test.TimeLimitSeconds), Gen.Stagger(test.Rate, run.Workload.Generator()));
        NemesisWorker? nemesis = null;
        var nemesisTask = Task.CompletedTask;
        if (run.Nemesis is not null && run.NemesisSchedule is not null)
        {
            nemesis = new NemesisWorker(run.Nemesis, recorder, clock, SeededRandom.Derived(test.Seed, 1), _counters);
            nemesisTask = nemesis.RunAsync(Gen.TimeLimit(TimeSpan.FromSeconds(test.TimeLimitSeconds), run.NemesisSchedule), ct);
        }
        await RunPhaseAsync("running", workers, new SharedGenerator(main, random), clock, ct).ConfigureAwait(false);
        await nemesisTask.ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        if (nemesis is not null)
        {
            Report("healing", clock.Elapsed);
            await PauseAsync("healing", clock, ct).ConfigureAwait(false);
            await nemesis.HealAsync(ct).ConfigureAwait(false);
        }
        Report("recovering", clock.Elapsed);
        await Task.Delay(TimeSpan.FromSeconds(test.RecoverySeconds), ct).ConfigureAwait(false);
        var final = run.Workload.FinalGenerator();
        if (final is not null)
        {
            await PauseAsync("final reads", clock, ct).ConfigureAwait(false);
            await RunPhaseAsync("final reads", workers, new SharedGenerator(Gen.TimeLimit(TimeSpan.FromSeconds(test.FinalPhaseSeconds), final), random), clock, ct).ConfigureAwait(false);
        }
        ct.ThrowIfCancellationRequested();
        foreach (var w in workers) await w.CloseAsync().ConfigureAwait(false);
    }

    /// <summary>Asks the watchdog every <see cref="WatchInterval"/>; on a problem, notes it and stops the run.</summary>
    private async Task WatchAsync(IRunWatchdog watchdog, CancellationTokenSource stop, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(WatchInterval, ct).ConfigureAwait(false);
                if (await watchdog.ProblemAsync(ct).ConfigureAwait(false) is not { } problem) continue;
                _interruption ??= problem;
                await stop.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private List<ClientWorker> Workers(HistoryRecorder recorder, RunClock clock)
    {
        var nodes = run.Database.Nodes;
        var count = nodes.Count * Math.Max(1, run.Test.ConcurrencyPerNode);
        return Enumerable.Range(0, count)
            .Select(i => new ClientWorker(i, count, nodes[i % nodes.Count], run.Workload, run.Test, recorder, clock, _counters))
            .ToList();
    }

    private async Task RunPhaseAsync(string phase, List<ClientWorker> workers, SharedGenerator generator, RunClock clock, CancellationToken ct)
    {
        var tasks = workers.Select(w => Task.Run(() => w.RunAsync(generator, ct), ct)).ToArray();
        var all = Task.WhenAll(tasks);
        while (!all.IsCompleted)
        {
            Report(phase, clock.Elapsed);
            await Task.WhenAny(all, Task.Delay(250, CancellationToken.None)).ConfigureAwait(false);
        }
        await all.ConfigureAwait(false);
        Report(phase, clock.Elapsed);
    }

    /// <summary>Collects logs and tears the cluster down. Neither may end the run: the history is already on disk. A
    /// teardown that fails or outlives <see cref="TeardownDeadline"/> (a container removal timing out on a loaded
    /// engine) is reported and kept as <see cref="RunRecording.TeardownFailure"/>; the leftovers carry the run's labels.</summary>
    private async Task FinishClusterAsync()
    {
        Report("collecting logs", TimeSpan.Zero);
        using (var logs = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            try
            {
                await run.Database.CollectLogsAsync(Path.Combine(run.Directory, RunStore.LogsDirectory), logs.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Logs are a convenience; the history is already safe on disk.
            }
        }
        if (run.KeepCluster) return;
        Report("tearing down", TimeSpan.Zero);
        using var deadline = new CancellationTokenSource(TeardownDeadline);
        try
        {
            await run.Database.TeardownAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _teardownFailure = e is OperationCanceledException && deadline.IsCancellationRequested
                ? $"teardown did not finish within {TeardownDeadline.TotalSeconds:0} s"
                : e.GetBaseException().Message;
            Report("tearing down failed: " + _teardownFailure, TimeSpan.Zero);
        }
    }

    /// <summary>The crash tests' seam (<see cref="PausePoint"/>): says "pause: PHASE" and holds the run there.</summary>
    private async Task PauseAsync(string phase, RunClock clock, CancellationToken ct)
    {
        if (!PausePoint.IsArmed(phase)) return;
        Report("pause: " + phase, clock.Elapsed);
        await PausePoint.AtAsync(phase, null, ct).ConfigureAwait(false);
    }

    private void Report(string phase, TimeSpan elapsed) => progress?.Report(_counters.Progress(phase, elapsed));
}
