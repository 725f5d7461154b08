using System.Globalization;
using Harness.Core.Databases;
using Harness.Workloads.MariaDb.Internal;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// MariaDB 10.11 single-leader replication (the <c>mariadb</c> module): mdb1 starts as the primary, mdb2..mdbN are
/// read-only replicas fetching its binlog by GTID (<c>MASTER_USE_GTID = slave_pos</c>, one domain, every node with
/// <c>log_slave_updates</c> so any replica can be promoted and serve the rest). Replication is asynchronous or
/// semi-synchronous (<see cref="ReplicaSetOptions"/>). <see cref="Primary"/> names the current primary; a failover
/// (<see cref="FailoverAsync"/>) promotes the replica that received the most and re-points the others; the killed old
/// primary comes back as a replica in <see cref="RejoinAsync"/>, keeping whatever it committed that nobody received
/// (there is no pg_rewind for a binlog): <see cref="Rejoins"/> records how far it had diverged. Lag samples carry
/// <c>Seconds_Behind_Master</c> and GTID positions per replica and, on the primary, the semi-sync status, whose falls
/// back to asynchronous are also kept in <see cref="SemiSyncEvents"/>.
/// </summary>
public sealed partial class ReplicaSetCluster : MariaDbCluster, IPromotable, IDelayable
{
    private const string ReplicationUser = "repl";
    private const string RoleFile = "/var/lib/harness-role";
    private volatile string primary;

    public ReplicaSetCluster(MariaDbClusterOptions options, ReplicaSetOptions replication, IProgress<string>? progress = null)
        : base(options, "mariadb", "mdb", progress)
    {
        _ = replication.SemiSync; // validates the mode
        _ = replication.WaitPointSetting;
        Replication = replication;
        primary = Nodes[0];
    }

    public ReplicaSetOptions Replication { get; }

    /// <summary>The node that is the primary now: mdb1 until a failover promotes another.</summary>
    public string Primary => primary;

    /// <summary>Every node but the primary (a fenced old primary included: it is down until it rejoins).</summary>
    public IReadOnlyList<string> Replicas => Nodes.Where(n => n != primary).ToList();

    /// <summary>The current primary if it takes writes now (answers and is not read-only), else null.</summary>
    public override Task<string?> PrimaryAsync(CancellationToken cancellationToken) => PrimaryIfWritableAsync(cancellationToken);

    protected override async Task StartNodesAsync(string image, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Nodes.Select(n => Containers.StartContainerAsync(Spec(n, image, "replica-set", Environment(n)), cancellationToken)))
            .ConfigureAwait(false);
        await RootSql.WaitAsync(Containers, Primary, "SELECT 1", output => output.Trim() == "1", HealthTimeout, cancellationToken).ConfigureAwait(false);
        // Written to the binlog, so the replicas get the users, the database and the probe table by replication.
        // With semi-sync the primary would hold each of these commits for a replica's acknowledgement until the
        // timeout (no replica is connected yet) and start the run fallen back to async: it waits only from the end of
        // the setup, before the replicas connect.
        var sql = (Replication.SemiSync ? "SET GLOBAL rpl_semi_sync_master_enabled = OFF; " : "") +
            $"CREATE USER IF NOT EXISTS '{ReplicationUser}'@'%' IDENTIFIED BY '{ReplicationUser}'; " +
            $"GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '{ReplicationUser}'@'%'; " + ClientUserSql +
            // ALL PRIVILEGES includes READ_ONLY ADMIN, which lets a user write on a read_only replica.
            $" REVOKE READ_ONLY ADMIN ON *.* FROM '{User}'@'%';" +
            $" CREATE TABLE IF NOT EXISTS {Schema}.failover_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, at DATETIME(6)) ENGINE=InnoDB;" +
            (Replication.SemiSync ? " SET GLOBAL rpl_semi_sync_master_enabled = ON;" : "");
        await RootSql.RunAsync(Containers, Primary, sql, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(Replicas.Select(async n =>
        {
            await RootSql.WaitAsync(Containers, n, "SELECT 1", output => output.Trim() == "1", HealthTimeout, cancellationToken).ConfigureAwait(false);
            await RootSql.RunAsync(Containers, n, ChangeMasterSql(Primary) + " START SLAVE;", cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }

    /// <summary>Healthy when the primary is writable, every replica that is not fenced runs both replication threads
    /// from it, and, with semi-sync, the primary counts each of them as a connected semi-sync replica.</summary>
    public override async Task<string?> HealthProblemAsync(CancellationToken cancellationToken)
    {
        var replicas = Replicas.Where(n => !Fenced.Contains(n)).ToList();
        var statuses = await ReplicaSetStatus.ReadAllAsync([Primary, .. replicas], ConnectionString, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        if (statuses[0] is not { } p) problems.Add($"{Primary} does not answer");
        else if (p.ReadOnly) problems.Add($"{Primary} is read-only");
        else if (Replication.SemiSync && p.Long("Rpl_semi_sync_master_clients") < replicas.Count)
            problems.Add($"{Primary} has {p.Long("Rpl_semi_sync_master_clients")} of {replicas.Count} semi-sync replicas");
        for (var i = 0; i < replicas.Count; i++)
        {
            if (statuses[i + 1] is not { } s) problems.Add($"{replicas[i]} does not answer");
            else if (!s.Replicating || s["Master_Host"] != Containers.Ip(Primary)) problems.Add($"{replicas[i]}: {s.Threads} from {s["Master_Host"]}");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>Per replica: <c>Seconds_Behind_Master</c> as replay lag (whole seconds), and in the state its threads,
    /// GTID received and applied, and how many transactions it is behind the primary's binlog. For the primary: its
    /// binlog GTID and, with semi-sync, the semi-sync status (a fall back to async is also noted in <see cref="SemiSyncEvents"/>).</summary>
    public override async Task<IReadOnlyList<LagSample>> SampleLagAsync(long timeNs, CancellationToken cancellationToken)
    {
        var current = Primary;
        var statuses = await ReplicaSetStatus.ReadAllAsync(Nodes, ConnectionString, cancellationToken).ConfigureAwait(false);
        var head = statuses[Nodes.ToList().IndexOf(current)];
        if (head is not null && Replication.SemiSync) NoteSemiSync(current, head);
        return Nodes.Select((node, i) => statuses[i] switch
        {
            _ when Fenced.Contains(node) => new LagSample(timeNs, node, State: "fenced (old primary, down until it rejoins)"),
            null => new LagSample(timeNs, node, State: "unreachable"),
            var s when node == current => new LagSample(timeNs, node,
                State: $"primary, binlog {s.Binlog}" + (Replication.SemiSync ? ", " + s.SemiSync : ", async")),
            var s => new LagSample(timeNs, node, ReplayLagMs: s.SecondsBehind * 1000, State: string.Create(CultureInfo.InvariantCulture,
                $"{s.Threads}, received {s.Received}, applied {s.Applied}") +
                (head is null ? "" : string.Create(CultureInfo.InvariantCulture, $", {head.Binlog.TransactionsAhead(s.Applied)} transactions behind {current}"))),
        }).ToList();
    }

    /// <summary>Starts a killed node in its current role (the role file sets read_only and the semi-sync side); a
    /// fenced old primary is instead rejoined as a replica (a plain start would make it a second primary).</summary>
    public override async Task StartAsync(string node, CancellationToken cancellationToken)
    {
        if (Fenced.Contains(node))
        {
            await RejoinAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        await Containers.CopyTextIntoAsync(node, RoleFile, (node == Primary ? "primary" : "replica") + "\n", cancellationToken).ConfigureAwait(false);
        await Containers.StartAsync(node, cancellationToken).ConfigureAwait(false);
    }

    public Task DelayAsync(string node, IReadOnlyList<string>? fromNodes, int delayMs, int jitterMs, CancellationToken cancellationToken) =>
        Containers.DelayAsync(node, fromNodes, delayMs, jitterMs, cancellationToken);

    public Task ClearDelaysAsync(CancellationToken cancellationToken) => Containers.ClearDelaysAsync(cancellationToken);

    protected override async Task<bool> AcceptsWritesAsync(string node, CancellationToken cancellationToken) =>
        await ReplicaSetStatus.ReadAsync(ConnectionString(node), cancellationToken).ConfigureAwait(false) is { ReadOnly: false };

    private async Task<string?> PrimaryIfWritableAsync(CancellationToken ct) =>
        await AcceptsWritesAsync(Primary, ct).ConfigureAwait(false) ? Primary : null;

    private string ChangeMasterSql(string master) =>
        $"CHANGE MASTER TO MASTER_HOST = '{Containers.Ip(master)}', MASTER_PORT = {MariaDbPort}, MASTER_USER = '{ReplicationUser}', " +
        $"MASTER_PASSWORD = '{ReplicationUser}', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1, MASTER_HEARTBEAT_PERIOD = 1;";

    private Dictionary<string, string> Environment(string node) => new()
    {
        ["HARNESS_ROLE"] = node == Nodes[0] ? "primary" : "replica",
        ["HARNESS_SEMI_SYNC"] = Replication.SemiSync ? "1" : "0",
        ["HARNESS_SEMI_SYNC_TIMEOUT_MS"] = Replication.TimeoutMs.ToString(CultureInfo.InvariantCulture),
        ["HARNESS_SEMI_SYNC_WAIT_POINT"] = Replication.WaitPointSetting,
    };
}
