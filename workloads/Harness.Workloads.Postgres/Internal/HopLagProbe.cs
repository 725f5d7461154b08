using System.Globalization;
using Harness.Core.Databases;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>
/// Replication lag per hop, for any topology: each standby's lag as its own upstream reports it (the primary for a
/// star, the previous standby in a cascade: a cascading standby runs WAL senders too and fills its own
/// <c>pg_stat_replication</c>), plus the standby's end-to-end replay age (<c>now() - pg_last_xact_replay_timestamp()</c>,
/// behind the primary however many hops away). The bytes behind are measured against the upstream's own WAL
/// position: its current LSN on the primary, the LSN it has received when it is itself a standby.
/// </summary>
internal static class HopLagProbe
{
    /// <summary>Longer than the star probe's second (on a loaded machine a new connection alone can take that long), shorter than the 2 s the lag sampler waits for a whole sample.</summary>
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

    public static async Task<IReadOnlyList<LagSample>> SampleAsync(long timeNs, IReadOnlyList<(string Standby, string Upstream)> hops,
        Func<string, string> connectionString, CancellationToken cancellationToken)
    {
        var upstreams = hops.Select(h => h.Upstream).Distinct().ToList();
        var upstreamQueries = upstreams.ToDictionary(u => u, u => PostgresDialect.Query.TryRowsAsync(connectionString(u), UpstreamSql, Deadline, cancellationToken));
        var standbyQueries = hops.Select(h => PostgresDialect.Query.TryRowsAsync(connectionString(h.Standby), StandbySql, Deadline, cancellationToken)).ToList();
        var samples = new List<LagSample>(hops.Count);
        for (var i = 0; i < hops.Count; i++)
        {
            var (standby, upstream) = hops[i];
            var rows = await upstreamQueries[upstream].ConfigureAwait(false);
            var row = rows?.FirstOrDefault(r => r[0] as string == standby);
            var age = await standbyQueries[i].ConfigureAwait(false);
            var state = age is null ? "unreachable" : row?[1] as string ?? (rows is null ? "upstream-unreachable" : "disconnected");
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
