using System.Globalization;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>
/// What one node of a single-leader MariaDB cluster says about replication, read with a short deadline. On the
/// primary: <c>@@read_only</c>, <c>@@gtid_binlog_pos</c> and the semi-sync master status (<c>Rpl_semi_sync_master_status</c>
/// ON while commits wait for a replica's acknowledgement, OFF once it fell back to asynchronous after
/// <c>rpl_semi_sync_master_timeout</c>; <c>_yes_tx</c> / <c>_no_tx</c> count commits acknowledged or not; <c>_clients</c>
/// the semi-sync replicas connected). On a replica: <c>SHOW SLAVE STATUS</c> (threads, master host, errors,
/// <c>Seconds_Behind_Master</c>, <c>Gtid_IO_Pos</c> received) and <c>@@gtid_slave_pos</c> (applied).
/// </summary>
internal sealed record ReplicaSetStatus(IReadOnlyDictionary<string, string> Values)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private const string PrimarySql =
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('Rpl_semi_sync_master_status', 'Rpl_semi_sync_master_clients', " +
        "'Rpl_semi_sync_master_yes_tx', 'Rpl_semi_sync_master_no_tx', 'Rpl_semi_sync_master_no_times')";

    public string this[string name] => Values.TryGetValue(name, out var v) ? v : "";

    public bool ReadOnly => this["read_only"] is "1" or "ON";
    public bool SemiSyncOn => this["Rpl_semi_sync_master_status"] == "ON";
    public long Long(string name) => long.TryParse(this[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
    public bool Replicating => this["Slave_IO_Running"] == "Yes" && this["Slave_SQL_Running"] == "Yes";
    public bool HasChannel => Values.ContainsKey("Slave_IO_Running");
    public GtidPosition Binlog => GtidPosition.Parse(this["gtid_binlog_pos"]) ?? GtidPosition.Empty;
    public GtidPosition Received => GtidPosition.Parse(this["Gtid_IO_Pos"]) ?? GtidPosition.Empty;
    public GtidPosition Applied => GtidPosition.Parse(this["gtid_slave_pos"]) ?? GtidPosition.Empty;

    public double? SecondsBehind =>
        double.TryParse(this["Seconds_Behind_Master"], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;

    /// <summary>Threads and the last error of a replica, e.g. <c>io Yes, sql Yes</c>.</summary>
    public string Threads
    {
        get
        {
            var state = $"io {this["Slave_IO_Running"]}, sql {this["Slave_SQL_Running"]}";
            var error = this["Last_IO_Error"] is { Length: > 0 } io ? io : this["Last_SQL_Error"];
            return error.Length > 0 ? $"{state}: {error}" : state;
        }
    }

    /// <summary>The semi-sync master figures, e.g. <c>semi-sync ON, 2 clients, 120 acked, 3 not</c>.</summary>
    public string SemiSync => string.Create(CultureInfo.InvariantCulture,
        $"semi-sync {this["Rpl_semi_sync_master_status"]}, {Long("Rpl_semi_sync_master_clients")} clients, {Long("Rpl_semi_sync_master_yes_tx")} acked, {Long("Rpl_semi_sync_master_no_tx")} not");

    /// <summary>Everything a node reports (primary and replica sides both), or null if it does not answer.</summary>
    public static async Task<ReplicaSetStatus?> ReadAsync(string connectionString, CancellationToken ct)
    {
        var variables = MariaDbDialect.Query.TryNamedRowsAsync(connectionString, "SELECT @@read_only AS read_only, @@gtid_binlog_pos AS gtid_binlog_pos, @@gtid_slave_pos AS gtid_slave_pos", Deadline, ct);
        var semi = MariaDbDialect.TryVariablesAsync(connectionString, PrimarySql, Deadline, ct);
        var slave = MariaDbDialect.Query.TryNamedRowsAsync(connectionString, "SHOW SLAVE STATUS", Deadline, ct);
        if (await variables.ConfigureAwait(false) is not [var row]) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in row) values[k] = Text(v);
        foreach (var (k, v) in await semi.ConfigureAwait(false) ?? new Dictionary<string, string>()) values[k] = v;
        if (await slave.ConfigureAwait(false) is [var s, ..])
            foreach (var (k, v) in s) values[k] = Text(v);
        return new ReplicaSetStatus(values);
    }

    public static Task<ReplicaSetStatus?[]> ReadAllAsync(IEnumerable<string> nodes, Func<string, string> connectionString, CancellationToken ct) =>
        Task.WhenAll(nodes.Select(n => ReadAsync(connectionString(n), ct)));

    private static string Text(object? v) => v switch
    {
        null => "",
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
