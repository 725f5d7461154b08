using Harness.Core.Databases;

namespace Harness.Runner.Internal;

/// <summary>Samples replication lag every <see cref="Interval"/> into lag.jsonl while the run goes on.
/// A sample that fails or is slow is skipped; the sampler never delays or fails the run.</summary>
internal sealed class LagSampler(IReplicationLagSource source, string path, RunClock clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public int Samples { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        await using var file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
        var next = clock.NowNs;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var samples = await source.SampleLagAsync(clock.NowNs, ct).WaitAsync(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
                foreach (var s in samples) await file.WriteLineAsync(LagJsonl.Serialize(s)).ConfigureAwait(false);
                await file.FlushAsync(ct).ConfigureAwait(false);
                Samples += samples.Count;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // A node that is down or paused gives no sample this time.
            }
            next += (long)(Interval.TotalMilliseconds * 1_000_000);
            try
            {
                await clock.DelayUntilAsync(Math.Max(next, clock.NowNs), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
