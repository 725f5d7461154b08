using System.Globalization;

namespace Harness.Workloads.Postgres;

/// <summary>
/// The pure decisions of a PostgreSQL failover. Which standby to promote: the requested one, or else the one that
/// holds the most WAL (the highest of its received and replayed LSN: promotion replays everything received, so
/// with asynchronous replication this standby loses the fewest acknowledged commits). And which remaining nodes
/// can simply be re-pointed at the new primary: those not ahead of it; a node that received WAL the new primary
/// never had has diverged and must be rewound.
/// </summary>
public static class FailoverPlan
{
    /// <summary>Parses a PostgreSQL LSN such as <c>0/3000060</c> (two hex halves) into a number; null if malformed.</summary>
    public static ulong? ParseLsn(string? text)
    {
        if (text is null) return null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !uint.TryParse(text.AsSpan(0, slash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            || !uint.TryParse(text.AsSpan(slash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
            return null;
        return ((ulong)high << 32) | low;
    }

    /// <summary>The standby to promote. <paramref name="lsnByStandby"/> holds every candidate with its WAL position, or
    /// null if it did not answer. Ties go to the first in name order, so the choice is deterministic.</summary>
    public static string ChooseTarget(IReadOnlyDictionary<string, ulong?> lsnByStandby, string? requested)
    {
        ArgumentNullException.ThrowIfNull(lsnByStandby);
        if (requested is not null)
        {
            if (!lsnByStandby.TryGetValue(requested, out var lsn))
                throw new InvalidOperationException($"cannot promote {requested}: not a standby ({string.Join(", ", lsnByStandby.Keys)})");
            return lsn is null ? throw new InvalidOperationException($"cannot promote {requested}: it does not answer") : requested;
        }
        var best = lsnByStandby.Where(kv => kv.Value is not null)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).FirstOrDefault();
        return best ?? throw new InvalidOperationException("no standby answered: nothing to promote");
    }

    /// <summary>True if a standby at <paramref name="standbyLsn"/> can follow a new primary promoted at
    /// <paramref name="promotedLsn"/> by re-pointing alone; false if it is ahead (diverged) or its position is unknown.</summary>
    public static bool CanFollow(ulong? standbyLsn, ulong promotedLsn) => standbyLsn is { } lsn && lsn <= promotedLsn;
}
