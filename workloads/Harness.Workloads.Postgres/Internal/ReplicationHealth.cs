using System.Globalization;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>
/// What "healthy" means for a streaming-replication cluster: the primary sees every standby in state
/// <c>streaming</c> in <c>pg_stat_replication</c> (and, when synchronous_standby_names is set, already counted
/// as a synchronous or quorum standby rather than async: a standby is listed as async for a moment after it
/// connects, and commits are not yet waiting for it then), and every standby is in recovery with its WAL receiver
/// streaming. <see cref="DescribeAsync"/> returns null when healthy, otherwise what is still missing.
/// </summary>
internal static class ReplicationHealth
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private const string PrimarySql =
        "select count(*) from pg_stat_replication where state = 'streaming' " +
        "and (current_setting('synchronous_standby_names') = '' or sync_state <> 'async')";

    private const string StandbySql =
        "select pg_is_in_recovery() and coalesce((select status = 'streaming' from pg_stat_wal_receiver), false)";

    public static async Task<string?> DescribeAsync(
        string primary, IReadOnlyList<string> standbys, Func<string, string> connectionString, CancellationToken cancellationToken)
    {
        var primaryRows = PostgresDialect.Query.TryRowsAsync(connectionString(primary), PrimarySql, Deadline, cancellationToken);
        var standbyRows = standbys.Select(s => PostgresDialect.Query.TryRowsAsync(connectionString(s), StandbySql, Deadline, cancellationToken)).ToList();
        var problems = new List<string>();
        var rows = await primaryRows.ConfigureAwait(false);
        var streaming = rows is [[var count]] ? Convert.ToInt64(count, CultureInfo.InvariantCulture) : -1;
        if (streaming < 0) problems.Add($"{primary} does not answer");
        else if (streaming != standbys.Count) problems.Add($"{primary} sees {streaming} of {standbys.Count} standbys streaming");
        for (var i = 0; i < standbys.Count; i++)
        {
            var answer = await standbyRows[i].ConfigureAwait(false);
            if (answer is null) problems.Add($"{standbys[i]} does not answer");
            else if (answer is not [[true]]) problems.Add($"{standbys[i]} is not streaming");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
