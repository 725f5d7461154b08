using System.Globalization;
using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.Formats;
using Harness.Runner;

namespace Harness.Lab.Scenarios;

/// <summary>
/// The figures a scenario can take from a stored run, read back from its files (<c>results.json</c>,
/// <c>lag.jsonl</c>) so a comparison can be rebuilt from the store at any time. A figure a run cannot give (no set
/// checker, no lag samples) is null, never zero. <c>g-nonadjacent-count</c> is Long Fork proper (snapshot isolation forbids
/// it); <c>process-anomaly-count</c> sums the <c>-process</c> variants (strong-session models forbid them). Lag figures are also given per standby as <c>FIGURE@NODE</c>.
/// </summary>
public static class Measures
{
    private static readonly Dictionary<string, Func<CheckResult, IReadOnlyList<LagSample>, double?>> Extractors = new(StringComparer.Ordinal)
    {
        ["verdict"] = (r, _) => r.Validity switch { Validity.Valid => 0, Validity.Invalid => 1, _ => 2 },
        ["lost-count"] = (r, _) => Stat(r, "lost-count"),
        ["divergent-count"] = (r, _) => Stat(r, "divergent-count"),
        ["acknowledged-divergent-count"] = (r, _) => Stat(r, "acknowledged-divergent-count"),
        ["acknowledged-count"] = (r, _) => Stat(r, "acknowledged-count"),
        ["stale-count"] = (r, _) => Stat(r, "stale-count"),
        ["max-staleness-ms"] = (r, _) => Stat(r, "max-staleness-ms"),
        ["session-violation-count"] = (r, _) => Stat(r, "session-violation-count"),
        ["read-your-writes-count"] = (r, _) => Stat(r, "read-your-writes-count"),
        ["monotonic-reads-count"] = (r, _) => Stat(r, "monotonic-reads-count"),
        ["latency-p50-ms"] = (r, _) => Stat(r, "latency-p50-ms"),
        ["latency-p99-ms"] = (r, _) => Stat(r, "latency-p99-ms"),
        ["ok-per-s"] = (r, _) => Stat(r, "ok-per-s"),
        ["info-count"] = (r, _) => Stat(r, "info"),
        ["fail-count"] = (r, _) => Stat(r, "fail"),
        ["read-count"] = (r, _) => Stat(r, "read-count"),
        ["lww-lost-count"] = (r, _) => DecidedStat(r, "lww-lost-count"),
        ["invisible-count"] = (r, _) => DecidedStat(r, "invisible-count"),
        ["convergence-p50-ms"] = (r, _) => DecidedStat(r, "convergence-p50-ms"),
        ["convergence-max-ms"] = (r, _) => DecidedStat(r, "convergence-max-ms"),
        ["last-diverged-p50-ms"] = (r, _) => DecidedStat(r, "last-diverged-p50-ms"),
        ["last-diverged-max-ms"] = (r, _) => DecidedStat(r, "last-diverged-max-ms"),
        ["unconverged-count"] = (r, _) => DecidedStat(r, "unconverged-count"),
        ["handoff-object-count"] = (r, _) => Stat(r, "handoff-object-count"),
        ["stale-after-heal-count"] = (r, _) => Stat(r, "stale-after-heal-count"),
        ["stale-during-partition-count"] = (r, _) => Stat(r, "stale-during-partition-count"),
        ["accepted-count"] = (r, _) => Stat(r, "accepted-count"),
        ["accepted-not-stored-count"] = (r, _) => Stat(r, "accepted-not-stored-count"),
        ["converged-count"] = (r, _) => DecidedStat(r, "converged-count"),
        ["anomaly-count"] = (r, _) => r.Flatten().Sum(c => c.AnomalyCounts.Values.Sum()),
        ["max-lag-ms"] = (_, lag) => Lag(lag).DefaultIfEmpty().Max() is var m && lag.Count > 0 ? m : null,
        ["p99-lag-ms"] = (_, lag) => Percentile(Lag(lag).ToList(), 0.99),
        ["p50-lag-ms"] = (_, lag) => Percentile(Lag(lag).ToList(), 0.50),
        ["heartbeat-lag-p50-ms"] = (_, lag) => Percentile(Heartbeat(lag).ToList(), 0.50),
        ["heartbeat-lag-p99-ms"] = (_, lag) => Percentile(Heartbeat(lag).ToList(), 0.99),
        ["heartbeat-lag-max-ms"] = (_, lag) => Percentile(Heartbeat(lag).ToList(), 1.0),
        ["txn-count"] = (r, _) => Stat(r, "ok-txns"),
        ["g-nonadjacent-count"] = (r, _) => r.Flatten().Sum(c => c.AnomalyCounts.GetValueOrDefault("G-nonadjacent")),
        ["process-anomaly-count"] = (r, _) => r.Flatten().Sum(c => c.AnomalyCounts.Where(kv => kv.Key.EndsWith("-process", StringComparison.Ordinal)).Sum(kv => kv.Value)),
        ["forbidden-anomaly-count"] = (r, _) => r.Flatten().Sum(c => c.Stats.GetValueOrDefault("forbidden") is IEnumerable<object?> kinds
            ? kinds.OfType<string>().Sum(k => c.AnomalyCounts.GetValueOrDefault(k)) : 0),
    };

    /// <summary>Lag of one standby, for topologies where standbys differ (a cascade: pg2 streams from the primary,
    /// pg3 from pg2): the hop's replay lag as its upstream's <c>pg_stat_replication</c> reports it, and its replay age
    /// (<c>now() - pg_last_xact_replay_timestamp()</c> read on the standby: how far behind the primary it is end to end).</summary>
    private static readonly Dictionary<string, Func<CheckResult, IReadOnlyList<LagSample>, double?>> NamedNode =
        new[] { "pg2", "pg3", "pg4" }.SelectMany(node => new (string, Func<CheckResult, IReadOnlyList<LagSample>, double?>)[]
        {
            ($"max-lag-ms-{node}", (_, lag) => Max(lag.Where(s => s.Node == node).Select(s => s.ReplayLagMs))),
            ($"p50-lag-ms-{node}", (_, lag) => Percentile(lag.Where(s => s.Node == node).Select(s => s.ReplayLagMs).OfType<double>().ToList(), 0.5)),
            ($"p50-age-ms-{node}", (_, lag) => Percentile(lag.Where(s => s.Node == node).Select(s => s.ReplayAgeMs).OfType<double>().ToList(), 0.5)),
        }).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    /// <summary>Lag figures beyond the replay lag: the standbys' replay age and the WAL bytes not yet replayed.</summary>
    private static readonly Dictionary<string, Func<CheckResult, IReadOnlyList<LagSample>, double?>> LagExtras = new(StringComparer.Ordinal)
    {
        ["max-replay-age-ms"] = (_, lag) => Max(lag.Select(s => s.ReplayAgeMs)),
        ["max-lsn-behind-bytes"] = (_, lag) => Max(lag.Select(s => (double?)s.LsnBehindBytes)),
    };

    public static IReadOnlyList<string> Known { get; } =
        [.. Extractors.Keys, .. NamedNode.Keys, .. LagExtras.Keys, .. HistoryMeasures.Names];

    /// <summary>Lag figures also taken per standby, named <c>FIGURE@NODE</c> (e.g. <c>heartbeat-lag-p99-ms@pg2</c>).</summary>
    private static readonly Dictionary<string, Func<IReadOnlyList<LagSample>, double?>> PerNode = new(StringComparer.Ordinal)
    {
        ["p50-lag-ms"] = lag => Percentile(Lag(lag).ToList(), 0.50),
        ["p99-lag-ms"] = lag => Percentile(Lag(lag).ToList(), 0.99),
        ["max-lag-ms"] = lag => Percentile(Lag(lag).ToList(), 1.0),
        ["heartbeat-lag-p50-ms"] = lag => Percentile(Heartbeat(lag).ToList(), 0.50),
        ["heartbeat-lag-p99-ms"] = lag => Percentile(Heartbeat(lag).ToList(), 0.99),
        ["heartbeat-lag-max-ms"] = lag => Percentile(Heartbeat(lag).ToList(), 1.0),
    };

    /// <summary>True for a known figure or a per-standby one (<c>FIGURE@NODE</c>).</summary>
    public static bool IsKnown(string measure) =>
        Known.Contains(measure) || measure.Split('@') is [var figure, { Length: > 0 }] && PerNode.ContainsKey(figure);


    /// <summary>Every known figure of the run stored in <paramref name="runDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, double?> Of(string runDirectory)
    {
        var results = Path.Combine(runDirectory, RunStore.ResultsFile);
        var lagFile = Path.Combine(runDirectory, RunStore.LagFile);
        if (!File.Exists(results)) return Known.ToDictionary(k => k, _ => (double?)null);
        var result = CheckResultJson.Read(results);
        var lag = File.Exists(lagFile) ? LagJsonl.Read(lagFile) : [];
        var figures = Extractors.Concat(NamedNode).Concat(LagExtras).ToDictionary(kv => kv.Key, kv => kv.Value(result, lag));
        var historyFile = Path.Combine(runDirectory, RunStore.HistoryFile);
        var fromHistory = File.Exists(historyFile) ? HistoryMeasures.Of(JsonlHistory.Read(historyFile)) : null;
        foreach (var name in HistoryMeasures.Names) figures[name] = fromHistory?.GetValueOrDefault(name);
        foreach (var node in lag.GroupBy(s => s.Node))
            foreach (var (figure, extract) in PerNode)
                figures[figure + "@" + node.Key] = extract(node.ToList());
        return figures;
    }

    private static double? Stat(CheckResult r, string name) => r.Flatten()
        .Select(c => c.Stats.TryGetValue(name, out var v) ? v : null)
        .Where(v => v is not null)
        .Select(v => (double?)Convert.ToDouble(v, CultureInfo.InvariantCulture))
        .FirstOrDefault();

    /// <summary>A stat only from a checker that reached a verdict: a leaderless checker that could not decide (its
    /// final replica probe never came back) reports zeros that are not measurements.</summary>
    private static double? DecidedStat(CheckResult r, string name) => r.Flatten()
        .Where(c => c.Validity != Validity.Unknown && c.Stats.TryGetValue(name, out var v) && v is not null)
        .Select(c => (double?)Convert.ToDouble(c.Stats[name], CultureInfo.InvariantCulture))
        .FirstOrDefault();

    private static double? Max(IEnumerable<double?> xs) => xs.OfType<double>().Select(x => (double?)x).DefaultIfEmpty(null).Max();

    private static IEnumerable<double> Lag(IReadOnlyList<LagSample> lag) =>
        lag.Select(s => s.ReplayLagMs ?? s.ReplayAgeMs).OfType<double>();

    private static IEnumerable<double> Heartbeat(IReadOnlyList<LagSample> lag) => lag.Select(s => s.HeartbeatLagMs).OfType<double>();

    private static double? Percentile(List<double> xs, double q)
    {
        if (xs.Count == 0) return null;
        xs.Sort();
        return xs[Math.Min(xs.Count - 1, (int)Math.Ceiling(q * xs.Count) - 1)];
    }
}
