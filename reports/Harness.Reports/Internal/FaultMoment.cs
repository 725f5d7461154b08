using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// Which part of which fault a moment fell in, so a lost write or a stale read can be placed and coloured: a
/// recorded phase (isolation, kill, promotion, writable), else the fault being applied, in effect or being healed,
/// else normal operation. <see cref="Sentence"/> finishes "acknowledged ..." in the summaries.
/// </summary>
internal sealed record FaultMoment(string Key, string Sentence, string Hex)
{
    /// <summary>The key without the fault's name ("isolation", "in effect"), for legends.</summary>
    public string Short => Key[(Key.LastIndexOf(": ", StringComparison.Ordinal) is var i and >= 0 ? i + 2 : 0)..];

    public static readonly FaultMoment Normal = new("normal", "outside any fault", "#4c78a8");

    public static FaultMoment At(IReadOnlyList<FaultWindow> windows, long ns)
    {
        foreach (var w in windows)
        {
            if (ns < w.StartNs || ns > w.EndNs) continue;
            if (w.PhaseAt(ns) is { } p) return OfPhase(w, p);
            if (ns < w.InEffectNs) return new($"{w.Fault}: applying", $"while {w.Fault} was being applied", "#b07aa1");
            if (ns < w.StopInvokedNs) return new($"{w.Fault}: in effect", $"while {w.Fault} was in effect", "#f28e2b");
            return new($"{w.Fault}: healing", $"while {w.Fault} was being healed", "#59a14f");
        }
        return Normal;
    }

    private static FaultMoment OfPhase(FaultWindow w, FaultPhase p)
    {
        var node = p.Node ?? "the node";
        var key = $"{w.Fault}: {p.Name}";
        return p.Name switch
        {
            "isolation" => new(key, $"while {node} was cut off from its standbys", PhaseHex(p.Name)),
            "kill" => new(key, $"while {node} was being killed", PhaseHex(p.Name)),
            "promotion" => new(key, $"while {node} was being promoted", PhaseHex(p.Name)),
            "writable" => new(key, $"after {node}'s promotion, before it committed a write", PhaseHex(p.Name)),
            _ => new(key, $"during the {p.Name} phase of {w.Fault}", PhaseHex(p.Name)),
        };
    }

    /// <summary>The colour of a phase, the same in the lanes, the plots' sub-bands and the marks.</summary>
    public static string PhaseHex(string phase) => phase switch
    {
        "isolation" => "#e15759",
        "kill" => "#555555",
        "promotion" => "#9467bd",
        "writable" => "#17becf",
        "failover" => "#8c564b",
        _ => "#bab0ac",
    };

    /// <summary>"464 lost: 460 acknowledged while pg1 was cut off from its standbys, 4 acknowledged outside any fault".</summary>
    public static string Summary(int total, string noun, string verb, IEnumerable<FaultMoment> moments)
    {
        var parts = moments.GroupBy(m => m.Sentence).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {verb} {g.Key}");
        return $"{total} {noun}: {string.Join(", ", parts)}";
    }
}
