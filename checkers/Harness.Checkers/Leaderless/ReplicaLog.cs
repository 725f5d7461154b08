using System.Globalization;
using System.Text.Json;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// What a leaderless cluster recorded about its replicas (the <c>convergence.jsonl</c> of a run, see
/// <c>IReplicaObservable</c>): the header's node names, per-node clock offsets (seconds) and where the register
/// objects live (container, object-name prefix before the key), and every <see cref="ReplicaSample"/>.
/// A missing file or header gives empty values, never an exception.
/// </summary>
public sealed record ReplicaLog(IReadOnlyList<string> Nodes, IReadOnlyDictionary<string, double> ClockOffsets,
    string RegisterContainer, string RegisterPrefix, IReadOnlyList<ReplicaSample> Samples)
{
    /// <summary>How long the probe polls after each heal (ms), from the header; null in files that predate it.</summary>
    public long? WindowMs { get; init; }

    public static ReplicaLog Empty { get; } = new([], new Dictionary<string, double>(), "", "", []);

    public static ReplicaLog Read(string path) => File.Exists(path) ? Parse(File.ReadLines(path)) : Empty;

    public static ReplicaLog Parse(IEnumerable<string> lines)
    {
        var log = Empty;
        var samples = new List<ReplicaSample>();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (ReplicaSample.Parse(line) is { } sample) samples.Add(sample);
            else if (Header(line) is { } header) log = header;
        }
        return log with { Samples = samples };
    }

    /// <summary>The final value each register key's replicas agreed on (see <see cref="FinalReplicaValues"/>).</summary>
    public IReadOnlyDictionary<long, long?> FinalRegisterValues() =>
        RegisterContainer.Length == 0 ? new Dictionary<long, long?>() : FinalReplicaValues.Of(Samples, RegisterContainer, RegisterPrefix);

    private static ReplicaLog? Header(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("phase", out var phase) || phase.GetString() != "cluster") return null;
            var nodes = r.TryGetProperty("nodes", out var n) ? n.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
            var offsets = new Dictionary<string, double>(StringComparer.Ordinal);
            if (r.TryGetProperty("clock-offsets", out var o))
                foreach (var p in o.EnumerateObject()) offsets[p.Name] = p.Value.GetDouble();
            string Text(string a, string b) => r.TryGetProperty(a, out var x) && x.TryGetProperty(b, out var y) ? y.GetString() ?? "" : "";
            return new ReplicaLog(nodes, offsets, Text("registers", "container"), Text("registers", "prefix"), [])
            {
                WindowMs = r.TryGetProperty("window-ms", out var w) && w.TryGetInt64(out var ms) ? ms : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Nodes.Count} nodes, {Samples.Count} samples");
}
