using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Runner.Internal;

/// <summary>
/// The nemesis process: follows its schedule, carries each step out through the <see cref="INemesis"/>, and
/// records an invoke and an info op for it (process "nemesis"), so reports can shade fault windows from the invoke.
/// Each step runs with a <see cref="FaultPhaseLog"/> as the ambient log: the phases and target nodes the nemesis
/// (or the database's failover) notes become structured fields of the info op's value. Remembers
/// which faults are in force and stops them all when the schedule ends.
/// </summary>
internal sealed class NemesisWorker(INemesis nemesis, HistoryRecorder recorder, RunClock clock, Random random, OpCounters counters)
{
    private static readonly TimeSpan DefaultStepTimeout = TimeSpan.FromSeconds(60);
    private readonly TimeSpan _stepTimeout = nemesis.StepTimeout ?? DefaultStepTimeout;
    private readonly List<string> _active = [];

    public async Task RunAsync(IGenerator schedule, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var step = schedule.Next(new GenContext(clock.NowNs, Op.NemesisProcess, random));
                if (step.Kind == GenStepKind.Done) break;
                if (step.Kind == GenStepKind.Wait)
                {
                    await clock.DelayUntilAsync(Math.Min(step.UntilNs, clock.NowNs + 1_000_000_000), ct).ConfigureAwait(false);
                    continue;
                }
                await ApplyAsync(step.F, step.Value, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops every fault still in force, recording each stop, then asks the nemesis to heal everything.</summary>
    public async Task HealAsync(CancellationToken ct)
    {
        foreach (var fault in _active.ToArray())
            await ApplyAsync("stop-" + fault, null, ct).ConfigureAwait(false);
        try
        {
            await nemesis.HealAllAsync(ct).WaitAsync(_stepTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            recorder.Record(OpType.Info, Op.NemesisProcess, "heal-all", null, error: e.Message);
        }
    }

    private async Task ApplyAsync(string f, object? value, CancellationToken ct)
    {
        recorder.Record(OpType.Invoke, Op.NemesisProcess, f, value);
        object? result;
        string? error = null;
        var phases = new FaultPhaseLog(() => clock.NowNs);
        FaultPhaseLog.Current = phases;
        try
        {
            result = await nemesis.InvokeAsync(f, value, ct).WaitAsync(_stepTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = value;
            error = e.GetBaseException().Message;
        }
        finally
        {
            FaultPhaseLog.Current = null;
        }
        recorder.Record(OpType.Info, Op.NemesisProcess, f, phases.Attach(result), error: error);
        if (f.StartsWith("start-", StringComparison.Ordinal))
        {
            _active.Add(f["start-".Length..]);
        }
        else if (f.StartsWith("stop-", StringComparison.Ordinal))
        {
            _active.Remove(f["stop-".Length..]);
        }
        counters.Fault = _active.Count == 0 ? null : string.Join("+", _active);
    }
}
