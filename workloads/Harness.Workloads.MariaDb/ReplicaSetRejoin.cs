using System.Globalization;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// One old primary brought back as a replica after a failover: the new primary it now follows, the GTID position the
/// new primary was promoted at (the fork), the old primary's own binlog position when it came back, and how many
/// transactions it held beyond the fork. Those transactions were committed on the old primary (and acknowledged to
/// clients under asynchronous replication, or after a semi-sync fall back) but no other node ever received them:
/// the node has diverged from the cluster for good, since MariaDB has no pg_rewind to undo them.
/// </summary>
public sealed record ReplicaSetRejoin(string Node, string NewPrimary, string ForkPosition, string OwnPosition, long TransactionsAhead)
{
    public bool Diverged => TransactionsAhead > 0;

    public string Describe() => Diverged
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Node} rejoined as a replica of {NewPrimary} but had diverged: its binlog reached {OwnPosition}, {TransactionsAhead} transactions beyond {NewPrimary}'s promotion point {ForkPosition}; they stay on {Node} only (replicating with slave_exec_mode=IDEMPOTENT)")
        : $"{Node} rejoined as a replica of {NewPrimary} from {OwnPosition} (not diverged: promoted at {ForkPosition})";
}
