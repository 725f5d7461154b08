using System.Globalization;
using Harness.Core.Databases;
using Harness.Workloads.Postgres.Internal;

namespace Harness.Workloads.Postgres;

/// <summary>
/// Where each standby streams from. <c>star</c> (the default): every standby from the primary. <c>cascade</c>
/// (chain replication): pg2 from the primary, pg3 from pg2, and so on; each standby's <c>primary_conninfo</c> names
/// the previous node, whose WAL senders relay what it received. A chain takes load off the primary, and the lag
/// of the far end is the sum of the hops. Healthy means every upstream streams to its downstream. The standby
/// settings that decide between replay and long queries (<c>hot_standby_feedback</c>,
/// <c>max_standby_streaming_delay</c>) are set on every standby once replication is healthy.
/// </summary>
public sealed partial class PostgresCluster
{
    /// <summary>The node <paramref name="node"/> streams from as the cluster was built (before any failover).</summary>
    public string Upstream(string node)
    {
        var index = Nodes.ToList().IndexOf(node);
        return Options.Topology == "cascade" && index > 1 ? Nodes[index - 1] : Nodes[0];
    }

    /// <summary>Each standby with the node it streams from now (after a failover, everyone follows the new primary).</summary>
    public IReadOnlyList<(string Standby, string Upstream)> Hops() =>
        Standbys.Select(s => (s, primary == Nodes[0] ? Upstream(s) : primary)).ToList();

    private Task<string?> DescribeHealthAsync(CancellationToken cancellationToken) =>
        Options.Topology == "cascade" && primary == Nodes[0]
            ? DescribeChainHealthAsync(cancellationToken)
            : ReplicationHealth.DescribeAsync(Primary, Standbys, ConnectionString, cancellationToken);

    private Task<IReadOnlyList<LagSample>> SampleLagByTopologyAsync(long timeNs, CancellationToken cancellationToken) =>
        LagProbe.SampleAsync(timeNs, Hops(), Primary, ConnectionString, cancellationToken);

    /// <summary>Null when every hop streams: the upstream lists its downstream as streaming, and the downstream's WAL receiver streams.</summary>
    private async Task<string?> DescribeChainHealthAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var (standby, upstream) in Hops())
        {
            var seen = await PostgresDialect.Query.TryRowsAsync(ConnectionString(upstream),
                $"select count(*) from pg_stat_replication where state = 'streaming' and application_name = '{standby}'", TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            if (seen is not [[var n]] || Convert.ToInt64(n, CultureInfo.InvariantCulture) != 1) problems.Add($"{upstream} does not stream to {standby}");
            var receiving = await PostgresDialect.Query.TryRowsAsync(ConnectionString(standby),
                "select pg_is_in_recovery() and coalesce((select status = 'streaming' from pg_stat_wal_receiver), false)", TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            if (receiving is not [[true]]) problems.Add($"{standby} is not streaming");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>Sets <c>hot_standby_feedback</c> and <c>max_standby_streaming_delay</c> on every standby (both reload without a restart).</summary>
    private async Task ApplyStandbySettingsAsync(CancellationToken ct)
    {
        if (Options.HotStandbyFeedback is null && Options.MaxStandbyStreamingDelayMs is null) return;
        var settings = new List<(string, string)>();
        if (Options.HotStandbyFeedback is { } feedback) settings.Add(("hot_standby_feedback", feedback ? "on" : "off"));
        if (Options.MaxStandbyStreamingDelayMs is { } delay) settings.Add(("max_standby_streaming_delay", delay.ToString(CultureInfo.InvariantCulture)));
        foreach (var standby in Standbys) await ConfigureAsync(standby, settings, ct).ConfigureAwait(false);
    }
}
