using System.Globalization;
using Harness.Core.Databases;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>
/// Reads <c>SHOW SLAVE STATUS</c> on every node of a multi-leader cluster. Healthy means both replication threads
/// run (<c>Slave_IO_Running</c> and <c>Slave_SQL_Running</c> = Yes) everywhere. As lag, each node's replica side
/// reports <c>Seconds_Behind_Master</c> (null while its IO thread is not connected) and its thread states.
/// </summary>
internal static class MultiLeaderHealth
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    public static async Task<string?> DescribeAsync(IReadOnlyList<string> nodes, Func<string, string> connectionString, CancellationToken ct)
    {
        var statuses = await ReadAllAsync(nodes, connectionString, ct).ConfigureAwait(false);
        var problems = new List<string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var s = statuses[i];
            if (s is null) problems.Add($"{nodes[i]} does not answer");
            else if (s.Count == 0) problems.Add($"{nodes[i]} has no replication channel");
            else if (Text(s[0], "Slave_IO_Running") != "Yes" || Text(s[0], "Slave_SQL_Running") != "Yes") problems.Add($"{nodes[i]}: {State(s[0])}");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    public static async Task<IReadOnlyList<LagSample>> SampleAsync(
        long timeNs, IReadOnlyList<string> nodes, Func<string, string> connectionString, CancellationToken ct)
    {
        var statuses = await ReadAllAsync(nodes, connectionString, ct).ConfigureAwait(false);
        return nodes.Select((node, i) => statuses[i] switch
        {
            null => new LagSample(timeNs, node, State: "unreachable"),
            [] => new LagSample(timeNs, node, State: "no replication channel"),
            [var row, ..] => new LagSample(timeNs, node, ReplayLagMs: SecondsBehind(row) * 1000, State: State(row)),
        }).ToList();
    }

    private static double? SecondsBehind(IReadOnlyDictionary<string, object?> row) =>
        row.TryGetValue("Seconds_Behind_Master", out var v) && v is not null ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    private static string State(IReadOnlyDictionary<string, object?> row)
    {
        var state = $"io {Text(row, "Slave_IO_Running")}, sql {Text(row, "Slave_SQL_Running")}";
        var error = Text(row, "Last_IO_Error") is { Length: > 0 } io ? io : Text(row, "Last_SQL_Error");
        return error.Length > 0 ? $"{state}: {error}" : state;
    }

    private static string Text(IReadOnlyDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "";

    private static Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>?[]> ReadAllAsync(
        IReadOnlyList<string> nodes, Func<string, string> connectionString, CancellationToken ct) =>
        Task.WhenAll(nodes.Select(n => MariaDbDialect.Query.TryNamedRowsAsync(connectionString(n), "SHOW SLAVE STATUS", Deadline, ct)));
}
