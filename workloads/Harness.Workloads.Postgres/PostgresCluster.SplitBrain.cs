using Harness.Core.Faults;
using Harness.Core.History;

namespace Harness.Workloads.Postgres;

/// <summary>
/// Fencing, or its absence. A failover normally kills the old primary (<c>fencing=kill</c>). With
/// <c>fencing=none</c> it only cuts the old primary off from the other nodes, as a network partition does, and
/// promotes a standby anyway: now two primaries accept writes. Half the clients (odd process numbers) keep writing
/// to the old one, like clients whose connection or DNS entry still points there. At rejoin the clients move to
/// the new primary, the network heals, and the old primary is rewound with pg_rewind onto the new timeline: every
/// write it acknowledged after the split is thrown away. The rejoin step records how many set elements existed
/// only on the old primary just before the rewind (<c>diverged-rows</c>); the set checker counts the acknowledged ones as lost.
/// </summary>
public sealed partial class PostgresCluster
{
    private volatile string? splitFrom;

    /// <summary>The old primary a process writes to during a split brain (odd process numbers), else null (the primary).</summary>
    public string? SplitBrainWriteNode(int process) => splitFrom is { } old && process % 2 == 1 ? old : null;

    private async Task FenceAsync(string old, FaultPhaseLog? phases, CancellationToken ct)
    {
        if (Options.Fencing == "none")
        {
            phases?.Begin("isolation", old);
            try
            {
                await Containers.ApplyGrudgeAsync(Grudge.Isolate(Nodes, old), ct).ConfigureAwait(false);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Partly applied rules would leave the old primary half cut off for the rest of the run.
                await Containers.HealNetworkAsync(ct).ConfigureAwait(false);
                throw;
            }
            splitFrom = old;
            return;
        }
        phases?.Begin("kill", old);
        await Containers.KillAsync(old, ct).ConfigureAwait(false);
    }

    /// <summary>Ends a split brain before the rewind: clients back to <paramref name="newPrimary"/>, the old primary's
    /// extra rows counted, the partition healed. Nothing to do after a fenced (killed) failover.</summary>
    private async Task EndSplitBrainAsync(string newPrimary, CancellationToken ct)
    {
        if (splitFrom is not { } old) return;
        splitFrom = null;
        var diverged = await DivergedRowsAsync(old, newPrimary, ct).ConfigureAwait(false);
        if (diverged is { } n) FaultPhaseLog.Current?.Set("diverged-rows", n);
        await Containers.HealNetworkAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Set elements present on <paramref name="old"/> but not on <paramref name="newPrimary"/>; null without a set table.</summary>
    private async Task<long?> DivergedRowsAsync(string old, string newPrimary, CancellationToken ct)
    {
        const string sql = "select element from set_elements";
        var onOld = await PostgresDialect.Query.TryRowsAsync(ConnectionString(old), sql, TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        var onNew = await PostgresDialect.Query.TryRowsAsync(ConnectionString(newPrimary), sql, TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        if (onOld is null || onNew is null) return null;
        var kept = onNew.Select(r => r[0]).ToHashSet();
        return onOld.Count(r => !kept.Contains(r[0]));
    }
}
