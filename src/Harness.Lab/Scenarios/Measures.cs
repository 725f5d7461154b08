using System.Globalization;
using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Runner;

namespace Harness.Lab.Scenarios;

/// <summary>
/// The figures a scenario can take from a stored run, read back from its files (<c>results.json</c>,
/// <c>lag.jsonl</c>) so a comparison can be rebuilt from the store at any time. A figure a run cannot give (no set
/// checker, no lag samples) is null, never zero.
/// </summary>
public static class Measures
{
    private static readonly Dictionary<string, Func<CheckResult, IReadOnlyList<LagSample>, double?>> Extractors = new(StringComparer.Ordinal)
    {
        ["verdict"] = (r, _) => r.Validity switch { Validity.Valid => 0, Validity.Invalid => 1, _ => 2 },
        ["lost-count"] = (r, _) => Stat(r, "lost-count"),
        ["divergent-count"] = (r, _) => Stat(r, "divergent-count"),
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
        ["anomaly-count"] = (r, _) => r.Flatten().Sum(c => c.AnomalyCounts.Values.Sum()),
        ["max-lag-ms"] = (_, lag) => Lag(lag).DefaultIfEmpty().Max() is var m && lag.Count > 0 ? m : null,
        ["p99-lag-ms"] = (_, lag) => Percentile(Lag(lag).ToList(), 0.99),
    };

    public static IReadOnlyList<string> Known { get; } = Extractors.Keys.ToList();

    /// <summary>Every known figure of the run stored in <paramref name="runDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, double?> Of(string runDirectory)
    {
        var results = Path.Combine(runDirectory, RunStore.ResultsFile);
        var lagFile = Path.Combine(runDirectory, RunStore.LagFile);
        if (!File.Exists(results)) return Known.ToDictionary(k => k, _ => (double?)null);
        var result = CheckResultJson.Read(results);
        var lag = File.Exists(lagFile) ? LagJsonl.Read(lagFile) : [];
        return Extractors.ToDictionary(kv => kv.Key, kv => kv.Value(result, lag));
    }

    private static double? Stat(CheckResult r, string name) => r.Flatten()
        .Select(c => c.Stats.TryGetValue(name, out var v) ? v : null)
        .Where(v => v is not null)
        .Select(v => (double?)Convert.ToDouble(v, CultureInfo.InvariantCulture))
        .FirstOrDefault();

    private static IEnumerable<double> Lag(IReadOnlyList<LagSample> lag) =>
        lag.Select(s => s.ReplayLagMs ?? s.ReplayAgeMs).OfType<double>();

    private static double? Percentile(List<double> xs, double q)
    {
        if (xs.Count == 0) return null;
        xs.Sort();
        return xs[Math.Min(xs.Count - 1, (int)Math.Ceiling(q * xs.Count) - 1)];
    }
}
