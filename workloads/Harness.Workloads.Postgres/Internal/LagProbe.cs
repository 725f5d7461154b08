using System.Globalization;
using Harness.Core.Databases;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>
/// Reads replication lag once: the primary's <c>pg_stat_replication</c> (write/flush/replay lag, and how many
/// WAL bytes each standby has yet to replay) and, on each standby, how long ago the last replayed
/// transaction committed. All queries run in parallel with a one-second deadline. State is the WAL
/// sender's state, or <c>unreachable</c> (the standby did not answer), <c>disconnected</c> (it answered but the
/// primary has no WAL sender for it) or <c>primary-unreachable</c>. Note the replay age grows on an idle primary: nothing new to replay.
/// </summary>
internal static class LagProbe
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    private const string PrimarySql = """
        select application_name, state,
               (extract(epoch from write_lag) * 1000)::float8,
               (extract(epoch from flush_lag) * 1000)::float8,
               (extract(epoch from replay_lag) * 1000)::float8,
               pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint
        from pg_stat_replication
        """;

    private const string StandbySql = "select (extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000)::float8";

    public static async Task<IReadOnlyList<LagSample>> SampleAsync(
        long timeNs, string primary, IReadOnlyList<string> standbys, Func<string, string> connectionString, CancellationToken cancellationToken)
    {
        var primaryQuery = PostgresDialect.Query.TryRowsAsync(connectionString(primary), PrimarySql, Deadline, cancellationToken);
        var standbyQueries = standbys.Select(s => PostgresDialect.Query.TryRowsAsync(connectionString(s), StandbySql, Deadline, cancellationToken)).ToList();
        var rows = await primaryQuery.ConfigureAwait(false);
        var byName = rows?.Where(r => r[0] is string).GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.First()) ?? [];
        var samples = new List<LagSample>(standbys.Count);
        for (var i = 0; i < standbys.Count; i++)
        {
            var standby = await standbyQueries[i].ConfigureAwait(false);
            byName.TryGetValue(standbys[i], out var row);
            var state = standby is null ? "unreachable" : row?[1] as string ?? (rows is null ? "primary-unreachable" : "disconnected");
            samples.Add(new LagSample(
                timeNs, standbys[i],
                WriteLagMs: Double(row?[2]), FlushLagMs: Double(row?[3]), ReplayLagMs: Double(row?[4]),
                LsnBehindBytes: row?[5] is { } bytes ? Convert.ToInt64(bytes, CultureInfo.InvariantCulture) : null,
                ReplayAgeMs: standby is [[var age]] ? Double(age) : null,
                State: state));
        }
        return samples;
    }

    private static double? Double(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
