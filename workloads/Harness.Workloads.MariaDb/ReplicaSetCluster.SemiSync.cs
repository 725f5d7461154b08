using System.Globalization;
using Harness.Workloads.MariaDb.Internal;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// Watching semi-sync on the primary: every lag sample reads <c>Rpl_semi_sync_master_status</c> and
/// <c>Rpl_semi_sync_master_no_tx</c>, and a change of status (ON to OFF: the primary waited
/// <c>rpl_semi_sync_master_timeout</c> without an acknowledgement and now commits asynchronously; OFF to ON: a replica
/// caught up) is kept, with the commits made without acknowledgement so far, in <see cref="SemiSyncEvents"/> and
/// reported as progress. <see cref="SemiSyncStatusAsync"/> reads it on demand.
/// </summary>
public sealed partial class ReplicaSetCluster
{
    private readonly List<string> semiSyncEvents = [];
    private string? lastSemiSync;

    /// <summary>Each observed change of the primary's semi-sync status, e.g. "mdb1: semi-sync OFF (fell back to async), 3 commits not acknowledged".</summary>
    public IReadOnlyList<string> SemiSyncEvents
    {
        get { lock (semiSyncEvents) return semiSyncEvents.ToList(); }
    }

    /// <summary>The primary's semi-sync figures now: status ON/OFF, commits acknowledged (<c>yes_tx</c>) and not
    /// (<c>no_tx</c>), connected semi-sync replicas; null if the primary does not answer.</summary>
    public async Task<SemiSyncStatus?> SemiSyncStatusAsync(CancellationToken cancellationToken) =>
        await ReplicaSetStatus.ReadAsync(ConnectionString(Primary), cancellationToken).ConfigureAwait(false) is { } s
            ? new SemiSyncStatus(s.SemiSyncOn, s.Long("Rpl_semi_sync_master_yes_tx"), s.Long("Rpl_semi_sync_master_no_tx"), s.Long("Rpl_semi_sync_master_clients"))
            : null;

    private void NoteSemiSync(string node, ReplicaSetStatus status)
    {
        var now = $"{node} {status["Rpl_semi_sync_master_status"]}";
        string? note = null;
        lock (semiSyncEvents)
        {
            if (lastSemiSync is not null && lastSemiSync != now)
            {
                note = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {node}: semi-sync ") + (status.SemiSyncOn
                    ? "back ON"
                    : "OFF (fell back to async after the timeout)") + string.Create(CultureInfo.InvariantCulture, $", {status.Long("Rpl_semi_sync_master_no_tx")} commits not acknowledged so far");
                semiSyncEvents.Add(note);
            }
            lastSemiSync = now;
        }
        if (note is not null) Progress?.Report(note);
    }
}
