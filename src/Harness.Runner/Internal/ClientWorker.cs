using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Runner.Internal;

/// <summary>
/// One worker thread of the run: asks the shared generator for an operation, records the invocation, calls its
/// client with a deadline, and records the completion. A missed deadline or an unexpected exception is Info
/// (we cannot know whether it took effect); after Info the logical process retires and the worker continues as a
/// fresh process (id + number of workers), with a fresh client, as Jepsen does.
/// </summary>
internal sealed class ClientWorker(
    int slot,
    int workerCount,
    string node,
    IWorkload workload,
    TestSpec test,
    HistoryRecorder recorder,
    RunClock clock,
    OpCounters counters)
{
    private int _process = slot;
    private IClient? _client;
    private CancellationTokenSource? _callCts;

    public int Process => _process;

    public async Task RunAsync(SharedGenerator generator, CancellationToken ct)
    {
        generator.Join(_process);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var step = generator.Next(clock.NowNs, _process);
                if (step.Kind == GenStepKind.Done) return;
                if (step.Kind == GenStepKind.Wait)
                {
                    await clock.DelayUntilAsync(Math.Min(step.UntilNs, clock.NowNs + 1_000_000_000), ct).ConfigureAwait(false);
                    continue;
                }
                var completion = await InvokeAsync(step, ct).ConfigureAwait(false);
                if (completion == OpType.Info) await RetireAsync(generator).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task<OpType> InvokeAsync(GenStep step, CancellationToken ct)
    {
        _client ??= workload.OpenClient(new ClientContext(_process, node, test));
        var invocation = recorder.Record(OpType.Invoke, _process, step.F, step.Value, node);
        var deadline = TimeSpan.FromSeconds(test.OperationTimeoutSeconds);
        // One cancellation source per worker, reset between operations (not one linked source and one timer per
        // operation): at tens of thousands of operations a second those allocations were the runner's cost.
        if (_callCts is null || !_callCts.TryReset())
        {
            _callCts?.Dispose();
            _callCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        }
        Completion result;
        var call = _client.InvokeAsync(invocation, _callCts.Token);
        if (!call.IsCompleted)
        {
            try
            {
                await call.WaitAsync(deadline, ct).ConfigureAwait(false);
            }
            catch (Exception) when (!call.IsCompleted || call.IsFaulted || call.IsCanceled)
            {
                // Handled below from the call's state: a missed deadline or a client error is Info.
            }
        }
        if (call.IsCompletedSuccessfully)
        {
            result = call.Result;
        }
        else
        {
            var timedOut = !call.IsCompleted;
            try
            {
                await _callCts.CancelAsync().ConfigureAwait(false);
            }
            catch (AggregateException)
            {
                // a driver's cancellation callback threw (Npgsql did, racing a closing connection): the call is abandoned anyway
            }
            _ = call.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observe a late failure
            ct.ThrowIfCancellationRequested();
            result = timedOut
                ? Completion.Info(step.Value, $"timeout after {deadline.TotalSeconds:0.###} s")
                : Completion.Info(step.Value, "client error: " + (call.Exception?.GetBaseException().Message ?? "cancelled"));
        }
        recorder.Record(result.Type, _process, step.F, result.Value, result.Node ?? node, result.Error);
        counters.Count(result.Type);
        return result.Type;
    }

    private async Task RetireAsync(SharedGenerator generator)
    {
        var old = _client;
        _client = null;
        var fresh = _process + workerCount;
        generator.Replace(_process, fresh);
        _process = fresh;
        if (old is not null) _ = DisposeQuietlyAsync(old);
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static async Task DisposeQuietlyAsync(IClient client)
    {
        try
        {
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A connection to a dead or paused node may not close cleanly; it is abandoned.
        }
    }

    public async Task CloseAsync()
    {
        if (_client is not null) await DisposeQuietlyAsync(_client).ConfigureAwait(false);
        _client = null;
        _callCts?.Dispose();
        _callCts = null;
    }
}
