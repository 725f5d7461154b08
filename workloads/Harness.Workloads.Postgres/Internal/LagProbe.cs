using System.Globalization;
using Harness.Core.Databases;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>
/// Reads replication lag once, per hop, for any topology: each standby's lag as its own upstream reports it in
/// <c>pg_stat_replication</c> (write/flush/replay lag, and the WAL bytes it has yet to replay: against the current
/// LSN on the primary, against the LSN it has received when the upstream is itself a standby, as in a cascade), plus
/// the standby's end-to-end replay age (<c>now() - pg_last_xact_replay_timestamp()</c>, behind the primary however
/// many hops away; it grows on an idle primary too: nothing new to replay). All queries run in parallel. State is
/// the WAL sender's state, or <c>unreachable</c> (the standby did not answer), <c>disconnected</c> (it answered but
/// its upstream has no WAL sender for it), <c>primary-unreachable</c> or <c>upstream-unreachable</c>.
/// </summary>
internal static class LagProbe
{
    /// <summary>Long enough for a new connection on a loaded machine, shorter than the 2 s the lag sampler waits for a whole sample.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1.8);

    private const string UpstreamSql = """
        select application_name, state,
               (extract(epoch from write_lag) * 1000)::float8,
               (extract(epoch from flush_lag) * 1000)::float8,
               (extract(epoch from replay_lag) * 1000)::float8,
               pg_wal_lsn_diff(case when pg_is_in_recovery() then pg_last_wal_receive_lsn() else pg_current_wal_lsn() end, replay_lsn)::bigint
        from pg_stat_replication
        """;

    private const string StandbySql = "select (extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000)::float8";

    public static async Task<IReadOnlyList<LagSample>> SampleAsync(long timeNs, IReadOnlyList<(string Standby, string Upstream)> hops, string primary,
        Func<string, string> connectionString, CancellationToken cancellationToken)
    {
        var upstreamQueries = hops.Select(h => h.Upstream).Distinct()
            .ToDictionary(u => u, u => PostgresDialect.Query.TryRowsAsync(connectionString(u), UpstreamSql, Deadline, cancellationToken));
        var standbyQueries = hops.Select(h => PostgresDialect.Query.TryRowsAsync(connectionString(h.Standby), StandbySql, Deadline, cancellationToken)).ToList();
        var samples = new List<LagSample>(hops.Count);
        for (var i = 0; i < hops.Count; i++)
        {
            var (standby, upstream) = hops[i];
            var rows = await upstreamQueries[upstream].ConfigureAwait(false);
            var row = rows?.FirstOrDefault(r => r[0] as string == standby);
            var age = await standbyQueries[i].ConfigureAwait(false);
            var state = age is null ? "unreachable"
                : row?[1] as string ?? (rows is not null ? "disconnected" : upstream == primary ? "primary-unreachable" : "upstream-unreachable");
            samples.Add(new LagSample(timeNs, standby,
                WriteLagMs: Double(row?[2]), FlushLagMs: Double(row?[3]), ReplayLagMs: Double(row?[4]),
                LsnBehindBytes: row?[5] is { } bytes ? Convert.ToInt64(bytes, CultureInfo.InvariantCulture) : null,
                ReplayAgeMs: age is [[var a]] ? Double(a) : null,
                State: state));
        }
        return samples;
    }

    private static double? Double(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
