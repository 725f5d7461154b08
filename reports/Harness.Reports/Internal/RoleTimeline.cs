using Harness.Core.Databases;
using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// Which role each node had when: primary, standby (streaming, catching up, disconnected, unreachable), down,
/// paused, and partitioned from whom, from the nemesis's structured records (promotion, kill, pause, grudge) and
/// the lag samples (a sample names a standby and its WAL sender state; the node without a sample is the primary).
/// Segments are listed in paint order: sampled states, then primary, then down / paused over them. Pure, so the
/// lane and the lag plot's "behind the current primary" rule can be tested on hand-made samples.
/// </summary>
internal sealed class RoleTimeline
{
    public sealed record Segment(string Node, long StartNs, long EndNs, string Role, string Detail);

    public required IReadOnlyList<string> Nodes { get; init; }
    public required IReadOnlyList<Segment> Roles { get; init; }
    public required IReadOnlyList<Segment> Partitions { get; init; }
    public required IReadOnlyList<(long AtNs, string Node)> Primaries { get; init; }

    /// <summary>Promotions: the times a new primary took over.</summary>
    public IEnumerable<(long AtNs, string Node)> Failovers => Primaries.Skip(1);

    public string? PrimaryAt(long ns) => Primaries.LastOrDefault(p => p.AtNs <= ns).Node ?? Primaries.FirstOrDefault().Node;

    public static RoleTimeline Of(IReadOnlyList<LagSample> lag, IReadOnlyList<FaultWindow> faults, IEnumerable<string> otherNodes, long endNs)
    {
        var nodes = lag.Select(s => s.Node).Concat(faults.SelectMany(w => w.Nodes.Concat(w.Phases.Select(p => p.Node).OfType<string>())))
            .Concat(otherNodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var batches = lag.GroupBy(s => s.Time).OrderBy(g => g.Key).ToList();
        var primaries = PrimaryChanges(batches, faults, nodes);
        var timeline = new RoleTimeline { Nodes = nodes, Roles = [], Partitions = [], Primaries = primaries };
        var roles = Sampled(batches, nodes, timeline, endNs);
        for (var i = 0; i < primaries.Count; i++)
            roles.Add(new Segment(primaries[i].Node, primaries[i].AtNs, i + 1 < primaries.Count ? primaries[i + 1].AtNs : endNs, "primary", "primary"));
        roles.AddRange(Outages(faults));
        return new RoleTimeline { Nodes = nodes, Roles = roles, Partitions = Cuts(faults), Primaries = primaries };
    }

    /// <summary>The first primary is the node the first batches lack (or the first isolated / killed one); then each
    /// recorded promotion hands over at its end.</summary>
    private static List<(long AtNs, string Node)> PrimaryChanges(List<IGrouping<long, LagSample>> batches, IReadOnlyList<FaultWindow> faults, List<string> nodes)
    {
        var promotions = faults.SelectMany(w => w.Phases).Where(p => p.Name == "promotion" && p.Node is not null)
            .OrderBy(p => p.EndNs).ToList();
        var firstChange = promotions.Count == 0 ? long.MaxValue : promotions[0].EndNs;
        var unsampled = batches.Where(b => b.Key < firstChange)
            .Select(b => nodes.Except(b.Select(s => s.Node)).ToList()).Where(m => m.Count == 1).Select(m => m[0])
            .GroupBy(n => n).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var first = unsampled ?? faults.SelectMany(w => w.Phases).FirstOrDefault(p => p.Name is "isolation" or "kill")?.Node;
        var result = new List<(long AtNs, string Node)>();
        if (first is not null) result.Add((0, first));
        foreach (var p in promotions) result.Add((p.EndNs, p.Node!));
        return result;
    }

    private static List<Segment> Sampled(List<IGrouping<long, LagSample>> batches, List<string> nodes, RoleTimeline primaries, long endNs)
    {
        var result = new List<Segment>();
        var gap = LineGaps.GapThreshold(batches.Select(b => b.Key).ToList());
        for (var i = 0; i < batches.Count; i++)
        {
            var start = batches[i].Key;
            var end = i + 1 < batches.Count ? Math.Min(batches[i + 1].Key, start + gap) : Math.Min(endNs, start + gap);
            end = Math.Min(end, primaries.Primaries.Select(p => p.AtNs).Where(a => a > start).DefaultIfEmpty(long.MaxValue).Min());
            foreach (var node in nodes)
            {
                var sample = batches[i].FirstOrDefault(s => s.Node == node);
                var role = sample is null ? (primaries.PrimaryAt(start) == node ? "primary" : "no sample") : StandbyRole(sample);
                var last = result.FindLastIndex(s => s.Node == node);
                if (last >= 0 && result[last].Role == role && result[last].EndNs >= start) result[last] = result[last] with { EndNs = end };
                else result.Add(new Segment(node, start, end, role, sample?.State ?? role));
            }
        }
        return result.Where(s => s.Role != "primary").ToList();
    }

    private static string StandbyRole(LagSample s) => s.State switch
    {
        "streaming" => "streaming",
        "catchup" or "startup" or "backup" => "catching up",
        "unreachable" => "unreachable",
        _ => "disconnected",
    };

    /// <summary>Down (killed, including the old primary of a failover until it rejoined) and paused nodes.</summary>
    private static IEnumerable<Segment> Outages(IReadOnlyList<FaultWindow> faults)
    {
        foreach (var w in faults)
        {
            if (w.Fault == "kill") foreach (var n in w.Nodes) yield return new Segment(n, w.StartNs, w.EndNs, "down", "killed");
            if (w.Fault == "pause") foreach (var n in w.Nodes) yield return new Segment(n, w.StartNs, w.EndNs, "paused", "paused");
            foreach (var p in w.Phases.Where(p => p.Name == "kill" && p.Node is not null))
                yield return new Segment(p.Node!, p.StartNs, w.EndNs, "down", $"killed by {w.Fault} until it rejoined");
        }
    }

    /// <summary>From the recorded grudge: each node that drops traffic, and from whom, while the fault lasted.</summary>
    private static List<Segment> Cuts(IReadOnlyList<FaultWindow> faults)
    {
        var result = new List<Segment>();
        foreach (var w in faults)
            if (w.Fields.GetValueOrDefault("grudge") is IReadOnlyDictionary<string, object?> grudge)
                foreach (var (node, drops) in grudge.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    if (drops is IReadOnlyList<object?> from && from.Count > 0)
                        result.Add(new Segment(node, w.StartNs, w.EndNs, "partitioned", "cut off from " + string.Join(", ", from.OfType<string>())));
        return result;
    }
}
