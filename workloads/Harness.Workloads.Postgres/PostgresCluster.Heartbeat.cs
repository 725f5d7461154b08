using Harness.Core.Databases;
using Harness.Workloads.Postgres.Internal;

namespace Harness.Workloads.Postgres;

/// <summary>The heartbeat lag probe (<see cref="HeartbeatProbe"/>): started with the first lag sample, so it beats
/// only while a run samples lag, and read on every standby beside <c>pg_stat_replication</c>.</summary>
public sealed partial class PostgresCluster
{
    private HeartbeatProbe? heartbeat;

    private async Task<IReadOnlyList<LagSample>> WithHeartbeatAsync(Task<IReadOnlyList<LagSample>> sampling, CancellationToken cancellationToken)
    {
        if (Options.HeartbeatMs <= 0) return await sampling.ConfigureAwait(false);
        var probe = heartbeat ??= new HeartbeatProbe(() => Primary, ConnectionString, TimeSpan.FromMilliseconds(Options.HeartbeatMs));
        probe.Start();
        var standbys = Standbys;
        var beats = standbys.ToDictionary(s => s, s => probe.ReadLagAsync(s, cancellationToken));
        var samples = await sampling.ConfigureAwait(false);
        var result = new List<LagSample>(samples.Count);
        foreach (var s in samples)
            result.Add(beats.TryGetValue(s.Node, out var beat) ? s with { HeartbeatLagMs = await beat.ConfigureAwait(false) } : s);
        return result;
    }

    private async Task StopHeartbeatAsync()
    {
        if (heartbeat is { } probe)
        {
            heartbeat = null;
            await probe.DisposeAsync().ConfigureAwait(false);
        }
    }
}
