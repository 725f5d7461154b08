using System.Globalization;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Workloads.Swift;

/// <summary>
/// How a Swift cluster is run: node count, ring part power, replicator intervals, whether a proxy prefers its own
/// node for reads, and per-node proxy clock offsets (libfaketime, fixed at start: <c>swift3:-5</c> starts
/// swift3's proxy 5 s behind). Parsed from the module's options so a stored <c>test.json</c> says all of it.
/// </summary>
public sealed record SwiftClusterOptions(int Nodes, string RunId, string BaseImage)
{
    public int PartPower { get; init; } = 6;
    public int ObjectReplicatorIntervalSeconds { get; init; } = 2;
    public int OtherIntervalSeconds { get; init; } = 30;
    public bool ReadAffinity { get; init; } = true;
    public IReadOnlyDictionary<string, double> ProxyClockOffsets { get; init; } = new Dictionary<string, double>();
    public int ConvergenceWindowSeconds { get; init; } = 20;
    public int ProbeObjects { get; init; } = 60;
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(600);

    public static SwiftClusterOptions From(TestSpec test, string runId, string baseImage)
    {
        var o = test.DatabaseOptions;
        return new SwiftClusterOptions(test.NodeCount, runId, baseImage)
        {
            PartPower = (int)o.Integer("part-power"),
            ObjectReplicatorIntervalSeconds = (int)o.Integer("object-replicator-interval"),
            OtherIntervalSeconds = (int)o.Integer("replicator-interval"),
            ReadAffinity = o.Flag("read-affinity"),
            ProxyClockOffsets = ParseOffsets(o.Text("proxy-clock-offset")),
            ConvergenceWindowSeconds = (int)o.Integer("convergence-window"),
            ProbeObjects = (int)o.Integer("probe-objects"),
            HealthTimeout = TimeSpan.FromSeconds(o.Integer("health-timeout")),
        };
    }

    /// <summary>Parses <c>node:seconds[,node:seconds]</c> (e.g. <c>swift3:-5</c>); throws <see cref="FormatException"/> on bad text.</summary>
    public static IReadOnlyDictionary<string, double> ParseOffsets(string text)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                throw new FormatException($"proxy clock offset '{part}' is not node:seconds (e.g. swift3:-5)");
            result[part[..colon]] = seconds;
        }
        return result;
    }

    /// <summary>The libfaketime <c>FAKETIME</c> value for a node's proxy, or empty for the real clock.</summary>
    public string FakeTime(string node) => ProxyClockOffsets.TryGetValue(node, out var s) && s != 0
        ? string.Create(CultureInfo.InvariantCulture, $"{(s > 0 ? "+" : "")}{s:0.###}s")
        : "";
}
