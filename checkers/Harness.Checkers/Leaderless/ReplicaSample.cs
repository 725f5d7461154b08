using System.Text.Json;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// One probe of one object's replicas, read from every storage node directly: which nodes are its primaries, and
/// per node the copy it holds (<see cref="ReplicaCopy"/>), none (null), or unreachable (absent from
/// <see cref="Copies"/>). <see cref="Heal"/> numbers the heal the probe followed; times are wall-clock Unix ms.
/// A line of <c>convergence.jsonl</c>; <see cref="Parse"/> reads one.
/// </summary>
public sealed record ReplicaSample(string Phase, int Heal, long HealMs, long TimeMs, string Container, string Object,
    IReadOnlyList<string> Primaries, IReadOnlyDictionary<string, ReplicaCopy?> Copies)
{
    /// <summary>True if every primary holds a copy with the same timestamp, or no node holds any copy.</summary>
    public bool Agrees
    {
        get
        {
            if (Copies.Values.All(c => c is null) && Copies.Count > 0) return true;
            var stamps = Primaries.Select(p => Copies.GetValueOrDefault(p)?.Timestamp).ToList();
            return stamps.Count > 0 && stamps.All(s => s is not null && s == stamps[0]);
        }
    }

    /// <summary>Nodes holding a copy that are not primaries (handoffs).</summary>
    public IEnumerable<string> Handoffs => Copies.Where(c => c.Value is not null && !Primaries.Contains(c.Key)).Select(c => c.Key);

    /// <summary>Parses one JSON line; null if it is not a sample.</summary>
    public static ReplicaSample? Parse(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var copies = new Dictionary<string, ReplicaCopy?>(StringComparer.Ordinal);
            foreach (var c in r.GetProperty("copies").EnumerateObject())
            {
                if (c.Value.ValueKind == JsonValueKind.Null) copies[c.Name] = null;
                else if (c.Value.ValueKind == JsonValueKind.Object)
                    copies[c.Name] = new ReplicaCopy(c.Value.GetProperty("value").GetString(), c.Value.GetProperty("ts").GetString());
            }
            return new ReplicaSample(r.GetProperty("phase").GetString() ?? "", r.GetProperty("heal").GetInt32(), r.GetProperty("healMs").GetInt64(),
                r.GetProperty("tMs").GetInt64(), r.GetProperty("container").GetString() ?? "", r.GetProperty("object").GetString() ?? "",
                r.GetProperty("primaries").EnumerateArray().Select(p => p.GetString() ?? "").ToList(), copies);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>A replica's copy of an object: its value and the timestamp last-writer-wins compares.</summary>
public sealed record ReplicaCopy(string? Value, string? Timestamp);
