using Harness.Core.Databases;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Runner.Internal;

namespace Harness.Runner;

/// <summary>
/// The one impure scheduler. A run goes: set the cluster up; start the clock, the history and the lag sampler;
/// run the client workers (their generator limited to the test's time and rate) beside the nemesis; heal every
/// fault; give the cluster its recovery period; run the final generator (e.g. final reads); collect server logs;
/// tear the cluster down. Returns the recorded history; checking and reporting are the caller's.
/// </summary>
public sealed class TestRunner(TestRun run, IProgress<RunProgress>? progress = null)
{
    private readonly OpCounters _counters = new();

    public async Task<History> RunAsync(CancellationToken ct)
    {
        var test = run.Test;
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
        using var recorder = new HistoryRecorder(Path.Combine(run.Directory, RunStore.HistoryFile), clock);
        using var lagCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var lagTask = run.Database is IReplicationLagSource lag
            ? new LagSampler(lag, Path.Combine(run.Directory, RunStore.LagFile), clock).RunAsync(lagCts.Token)
            : Task.CompletedTask;
        try
        {
            var workers = Workers(recorder, clock);
            var random = new SeededRandom(test.Seed);
            var main = Gen.TimeLimit(TimeSpan.FromSeconds(test.TimeLimitSeconds), Gen.Stagger(test.Rate, run.Workload.Generator()));
            NemesisWorker? nemesis = null;
            var nemesisTask = Task.CompletedTask;
            using var nemesisCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (run.Nemesis is not null && run.NemesisSchedule is not null)
            {
                nemesis = new NemesisWorker(run.Nemesis, recorder, clock, SeededRandom.Derived(test.Seed, 1), _counters);
                nemesisTask = nemesis.RunAsync(Gen.TimeLimit(TimeSpan.FromSeconds(test.TimeLimitSeconds), run.NemesisSchedule), nemesisCts.Token);
            }
            await RunPhaseAsync("running", workers, new SharedGenerator(main, random), clock, ct).ConfigureAwait(false);
            await nemesisTask.ConfigureAwait(false);
            if (nemesis is not null)
            {
                Report("healing", clock.Elapsed);
                await nemesis.HealAsync(ct).ConfigureAwait(false);
            }
            Report("recovering", clock.Elapsed);
            await Task.Delay(TimeSpan.FromSeconds(test.RecoverySeconds), ct).ConfigureAwait(false);
            var final = run.Workload.FinalGenerator();
            if (final is not null)
                await RunPhaseAsync("final reads", workers, new SharedGenerator(Gen.TimeLimit(TimeSpan.FromSeconds(test.FinalPhaseSeconds), final), random), clock, ct).ConfigureAwait(false);
            foreach (var w in workers) await w.CloseAsync().ConfigureAwait(false);
            return History.Of(recorder.Snapshot());
        }
        finally
        {
            await lagCts.CancelAsync().ConfigureAwait(false);
            await lagTask.ConfigureAwait(false);
            await FinishClusterAsync().ConfigureAwait(false);
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
            await Task.WhenAny(all, Task.Delay(250, ct)).ConfigureAwait(false);
        }
        await all.ConfigureAwait(false);
        Report(phase, clock.Elapsed);
    }

    private async Task FinishClusterAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Report("collecting logs", TimeSpan.Zero);
        try
        {
            await run.Database.CollectLogsAsync(Path.Combine(run.Directory, RunStore.LogsDirectory), cts.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Logs are a convenience; the history is already safe on disk.
        }
        if (run.KeepCluster) return;
        Report("tearing down", TimeSpan.Zero);
        await run.Database.TeardownAsync(cts.Token).ConfigureAwait(false);
    }

    private void Report(string phase, TimeSpan elapsed) => progress?.Report(_counters.Progress(phase, elapsed));
}
