using System.Globalization;
using Harness.Core.Databases;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>
/// Reads each Galera node's wsrep status: healthy means every node reports <c>wsrep_cluster_size</c> = N,
/// <c>wsrep_cluster_status</c> = Primary, <c>wsrep_local_state_comment</c> = Synced and <c>wsrep_ready</c> = ON.
/// The same reading gives a lag sample per node: its state and how many write-sets wait in its receive queue.
/// </summary>
internal static class GaleraHealth
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private const string StatusSql =
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_cluster_status', " +
        "'wsrep_local_state_comment', 'wsrep_ready', 'wsrep_local_recv_queue', 'wsrep_flow_control_paused')";

    public static async Task<string?> DescribeAsync(IReadOnlyList<string> nodes, Func<string, string> connectionString, CancellationToken ct)
    {
        var statuses = await ReadAllAsync(nodes, connectionString, ct).ConfigureAwait(false);
        var problems = new List<string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var s = statuses[i];
            if (s is null) problems.Add($"{nodes[i]} does not answer");
            else if (Problem(s, nodes.Count) is { } p) problems.Add($"{nodes[i]}: {p}");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    public static async Task<IReadOnlyList<LagSample>> SampleAsync(
        long timeNs, IReadOnlyList<string> nodes, Func<string, string> connectionString, CancellationToken ct)
    {
        var statuses = await ReadAllAsync(nodes, connectionString, ct).ConfigureAwait(false);
        return nodes.Select((node, i) => new LagSample(timeNs, node, State: State(statuses[i]))).ToList();
    }

    private static string? Problem(IReadOnlyDictionary<string, string> s, int size)
    {
        var found = new List<string>();
        if (Get(s, "wsrep_cluster_size") != size.ToString(CultureInfo.InvariantCulture)) found.Add($"cluster size {Get(s, "wsrep_cluster_size")}");
        if (Get(s, "wsrep_cluster_status") != "Primary") found.Add(Get(s, "wsrep_cluster_status"));
        if (Get(s, "wsrep_local_state_comment") != "Synced") found.Add(Get(s, "wsrep_local_state_comment"));
        if (Get(s, "wsrep_ready") != "ON") found.Add("not ready");
        return found.Count == 0 ? null : string.Join(", ", found);
    }

    private static string State(IReadOnlyDictionary<string, string>? s) => s is null
        ? "unreachable"
        : $"{Get(s, "wsrep_cluster_status")} {Get(s, "wsrep_local_state_comment")}, size {Get(s, "wsrep_cluster_size")}, " +
          $"recv-queue {Get(s, "wsrep_local_recv_queue")}, flow-control-paused {Get(s, "wsrep_flow_control_paused")}";

    private static string Get(IReadOnlyDictionary<string, string> s, string name) => s.TryGetValue(name, out var v) ? v : "?";

    private static Task<IReadOnlyDictionary<string, string>?[]> ReadAllAsync(
        IReadOnlyList<string> nodes, Func<string, string> connectionString, CancellationToken ct) =>
        Task.WhenAll(nodes.Select(n => MariaDbDialect.TryVariablesAsync(connectionString(n), StatusSql, Deadline, ct)));
}
