namespace Harness.Checkers.Leaderless;

/// <summary>
/// Where each probed object lived during the run: its primaries (from the ring), the handoff nodes that held a copy
/// in any sample (a sloppy quorum wrote there, or the replicator had not yet moved it back), and the nodes holding a
/// copy at the final sample. As a report table (<c>title</c>, <c>columns</c>, <c>rows</c>); objects a handoff held
/// come first.
/// </summary>
public static class ReplicaPlacement
{
    private const int MaxRows = 200;

    public static IReadOnlyDictionary<string, object?> Table(IReadOnlyList<ReplicaSample> samples)
    {
        var rows = samples.GroupBy(s => $"{s.Container}/{s.Object}")
            .Select(g =>
            {
                var primaries = g.Last().Primaries;
                var handoffs = g.SelectMany(s => s.Handoffs).Distinct().Order(StringComparer.Ordinal).ToList();
                var final = g.LastOrDefault(s => s.Phase == "final") ?? g.Last();
                var holders = final.Copies.Where(c => c.Value is not null).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
                var samplesSeen = g.Count();
                return (Object: g.Key, Handoffs: handoffs, Row: (object?)new object?[]
                {
                    g.Key, string.Join(", ", primaries), handoffs.Count == 0 ? "-" : string.Join(", ", handoffs),
                    holders.Count == 0 ? "none" : string.Join(", ", holders), final.Agrees ? "yes" : "no", (long)samplesSeen,
                });
            })
            .OrderByDescending(r => r.Handoffs.Count).ThenBy(r => r.Object, StringComparer.Ordinal)
            .Take(MaxRows).Select(r => r.Row).ToList();
        return new Dictionary<string, object?>
        {
            ["title"] = "Replica placement (read on every object server)",
            ["columns"] = new object?[] { "object", "primaries", "handoffs that held a copy", "holders at the end", "primaries agree at the end", "samples" },
            ["rows"] = rows,
        };
    }
}
