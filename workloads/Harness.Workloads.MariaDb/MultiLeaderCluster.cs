using Harness.Core.Databases;
using Harness.Workloads.MariaDb.Internal;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// Two MariaDB 10.11 nodes (mm1, mm2), each an asynchronous GTID replica of the other: multi-leader replication
/// with no conflict detection at all. Each node commits locally and ships row events later; a row changed on both
/// sides is overwritten on each by the other's version (row events apply by primary key, ignoring the before-image),
/// so concurrent writes to one key, or any writes during a partition, leave the nodes permanently diverged while
/// both replication threads report success. An insert of one new key on both sides is worse: the second row event
/// hits a duplicate key (1062) and the replica's SQL thread stops for good (the default strict
/// <c>slave_exec_mode</c>), so from then on the nodes drift apart entirely; lag samples and
/// <see cref="MariaDbCluster.HealthProblemAsync"/> show the stopped thread and its error. Users are created with <c>sql_log_bin=0</c> on each node so they do not
/// replicate into a collision; auto_increment offsets keep generated ids apart.
/// </summary>
public sealed class MultiLeaderCluster(MariaDbClusterOptions options, IProgress<string>? progress = null)
    : MariaDbCluster(TwoNodes(options), "mariadb-multi", "mm", progress)
{
    private const string ReplicationUser = "repl";

    /// <summary>The node <paramref name="node"/> replicates from.</summary>
    public string PeerOf(string node) => Nodes[1 - Nodes.ToList().IndexOf(node)];

    protected override async Task StartNodesAsync(string image, CancellationToken cancellationToken)
    {
        var empty = new Dictionary<string, string>();
        await Task.WhenAll(Nodes.Select(n => Containers.StartContainerAsync(Spec(n, image, "multi-leader", empty), cancellationToken)))
            .ConfigureAwait(false);
        await Task.WhenAll(Nodes.Select(n => WireAsync(n, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Healthy when both nodes show Slave_IO_Running and Slave_SQL_Running = Yes.</summary>
    public override Task<string?> HealthProblemAsync(CancellationToken cancellationToken) =>
        MultiLeaderHealth.DescribeAsync(Nodes, ConnectionString, cancellationToken);

    /// <summary>Per node, its replica side's <c>Seconds_Behind_Master</c> (whole seconds) and thread states.</summary>
    public override Task<IReadOnlyList<LagSample>> SampleLagAsync(long timeNs, CancellationToken cancellationToken) =>
        MultiLeaderHealth.SampleAsync(timeNs, Nodes, ConnectionString, cancellationToken);

    protected override async Task<bool> AcceptsWritesAsync(string node, CancellationToken cancellationToken) =>
        await MariaDbDialect.Query.TryNamedRowsAsync(ConnectionString(node), "SELECT @@read_only", TimeSpan.FromSeconds(1), cancellationToken)
            .ConfigureAwait(false) is [var row] && Convert.ToInt64(row.Values.First(), System.Globalization.CultureInfo.InvariantCulture) == 0;

    private async Task WireAsync(string node, CancellationToken cancellationToken)
    {
        await RootSql.WaitAsync(Containers, node, "SELECT 1", output => output.Trim() == "1", HealthTimeout, cancellationToken).ConfigureAwait(false);
        var sql =
            "SET sql_log_bin = 0; " +
            $"CREATE USER IF NOT EXISTS '{ReplicationUser}'@'%' IDENTIFIED BY '{ReplicationUser}'; " +
            $"GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '{ReplicationUser}'@'%'; " +
            ClientUserSql +
            $" CHANGE MASTER TO MASTER_HOST = '{Containers.Ip(PeerOf(node))}', MASTER_PORT = {MariaDbPort}, " +
            $"MASTER_USER = '{ReplicationUser}', MASTER_PASSWORD = '{ReplicationUser}', MASTER_USE_GTID = slave_pos, " +
            "MASTER_CONNECT_RETRY = 1, MASTER_HEARTBEAT_PERIOD = 1; START SLAVE;";
        await RootSql.RunAsync(Containers, node, sql, cancellationToken).ConfigureAwait(false);
    }

    private static MariaDbClusterOptions TwoNodes(MariaDbClusterOptions options) => options.Nodes == 2
        ? options
        : throw new ArgumentException($"a multi-leader cluster has exactly 2 nodes, not {options.Nodes}", nameof(options));
}
