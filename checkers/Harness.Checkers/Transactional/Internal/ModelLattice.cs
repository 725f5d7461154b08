namespace Harness.Checkers.Transactional.Internal;

/// <summary>The data behind <see cref="ConsistencyModels"/>: anomaly implications, model implications and what
/// each model directly forbids (a subset of Elle's tables, limited to the anomalies this checker finds).</summary>
internal static class ModelLattice
{
    public static readonly string[] Models =
    [
        "read-uncommitted", "read-committed", "cursor-stability", "repeatable-read", "snapshot-isolation", "serializable",
        "strong-session-read-uncommitted", "strong-session-read-committed", "strong-read-uncommitted", "strong-read-committed",
        "strong-session-snapshot-isolation", "strong-snapshot-isolation", "strong-session-serializable", "strict-serializable",
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["strong-serializable"] = "strict-serializable",
        ["conflict-serializable"] = "serializable",
        ["PL-1"] = "read-uncommitted",
        ["PL-2"] = "read-committed",
        ["PL-2.99"] = "repeatable-read",
        ["PL-3"] = "serializable",
        ["PL-SI"] = "snapshot-isolation",
        ["PL-SS"] = "strict-serializable",
    };

    private static readonly Dictionary<string, string[]> ImpliedAnomalies = new()
    {
        ["G0"] = ["G1c", "G0-process"],
        ["G0-process"] = ["G1c-process", "G0-realtime"],
        ["G0-realtime"] = ["G1c-realtime"],
        ["G1a"] = ["G1"],
        ["G1b"] = ["G1"],
        ["G1c"] = ["G1", "G1c-process"],
        ["G1c-process"] = ["G1c-realtime", "G1-process"],
        ["G1c-realtime"] = ["G1-realtime"],
        ["G1"] = ["G1-process"],
        ["G1-process"] = ["G1-realtime"],
        ["G-single"] = ["G-nonadjacent", "G-single-process"],
        ["G-single-process"] = ["G-nonadjacent-process", "G-single-realtime"],
        ["G-single-realtime"] = ["G-nonadjacent-realtime"],
        ["G-nonadjacent"] = ["G2", "G2-item", "G-nonadjacent-process"],
        ["G-nonadjacent-process"] = ["G2-process", "G2-item-process", "G-nonadjacent-realtime"],
        ["G-nonadjacent-realtime"] = ["G2-realtime", "G2-item-realtime"],
        ["G2-item"] = ["G2", "G2-item-process"],
        ["G2-item-process"] = ["G2-process", "G2-item-realtime"],
        ["G2-item-realtime"] = ["G2-realtime"],
        ["G2"] = ["G2-process"],
        ["G2-process"] = ["G2-realtime"],
        ["incompatible-order"] = ["G1a"],
        ["dirty-update"] = ["G1a"],
        ["future-read"] = ["G1c"],
        ["lost-update"] = ["G2-item"],
    };

    private static readonly Dictionary<string, string[]> ImpliedModels = new()
    {
        ["read-committed"] = ["read-uncommitted"],
        ["cursor-stability"] = ["read-committed"],
        ["repeatable-read"] = ["cursor-stability"],
        ["snapshot-isolation"] = ["cursor-stability"],
        ["serializable"] = ["repeatable-read", "snapshot-isolation"],
        ["strong-session-read-uncommitted"] = ["read-uncommitted"],
        ["strong-session-read-committed"] = ["read-committed", "strong-session-read-uncommitted"],
        ["strong-read-uncommitted"] = ["strong-session-read-uncommitted"],
        ["strong-read-committed"] = ["strong-session-read-committed", "strong-read-uncommitted"],
        ["strong-session-snapshot-isolation"] = ["snapshot-isolation", "strong-session-read-committed"],
        ["strong-snapshot-isolation"] = ["strong-session-snapshot-isolation", "strong-read-committed"],
        ["strong-session-serializable"] = ["serializable", "strong-session-snapshot-isolation"],
        ["strict-serializable"] = ["serializable", "strong-snapshot-isolation", "strong-session-serializable"],
    };

    private static readonly Dictionary<string, string[]> DirectlyForbidden = new()
    {
        ["read-uncommitted"] = ["G0", "duplicate-elements", "cyclic-versions", "garbage-read"],
        ["read-committed"] = ["G1"],
        ["cursor-stability"] = ["G1", "lost-update"],
        ["repeatable-read"] = ["G1", "G2-item", "lost-update"],
        ["snapshot-isolation"] = ["internal", "G1", "G-nonadjacent"],
        ["serializable"] = ["internal", "G1", "G2"],
        ["strong-session-read-uncommitted"] = ["G0-process"],
        ["strong-session-read-committed"] = ["G1c-process"],
        ["strong-read-uncommitted"] = ["G0-realtime"],
        ["strong-read-committed"] = ["G1c-realtime"],
        ["strong-session-snapshot-isolation"] = ["internal", "G1-process", "G-nonadjacent-process"],
        ["strong-snapshot-isolation"] = ["internal", "G1-realtime", "G-nonadjacent-realtime"],
        ["strong-session-serializable"] = ["G1-process", "G2-process"],
        ["strict-serializable"] = ["G1", "G1c-realtime", "G2-realtime"],
    };

    public static string? Canonical(string name)
    {
        var bare = name.TrimStart(':');
        if (Aliases.TryGetValue(bare, out var alias)) return alias;
        return Models.FirstOrDefault(m => string.Equals(m, bare, StringComparison.OrdinalIgnoreCase));
    }

    private static HashSet<string> Closure(IEnumerable<string> start, Dictionary<string, string[]> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            if (!seen.Add(x)) continue;
            if (edges.TryGetValue(x, out var next))
                foreach (var y in next) queue.Enqueue(y);
        }
        return seen;
    }

    /// <summary>True if every history satisfying <paramref name="stronger"/> satisfies <paramref name="weaker"/>.</summary>
    public static bool Implies(string stronger, string weaker) => Closure([stronger], ImpliedModels).Contains(weaker);

    public static bool Forbids(string model, string anomaly)
    {
        var canonical = Canonical(model) ?? model;
        var forbidden = Closure([canonical], ImpliedModels).SelectMany(m => DirectlyForbidden.GetValueOrDefault(m, [])).ToHashSet();
        return Closure([anomaly], ImpliedAnomalies).Overlaps(forbidden);
    }

    public static HashSet<string> ImpossibleModels(IEnumerable<string> anomalies)
    {
        var implied = Closure(anomalies, ImpliedAnomalies);
        return Models.Where(m => Closure([m], ImpliedModels)
            .Any(n => DirectlyForbidden.GetValueOrDefault(n, []).Any(implied.Contains))).ToHashSet();
    }
}
