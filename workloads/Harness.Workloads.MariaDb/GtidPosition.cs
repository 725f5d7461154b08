using System.Globalization;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// A MariaDB GTID position such as <c>0-1-523</c> or <c>0-2-7,1-1-40</c>: per replication domain, the last
/// transaction's originating server and sequence number. Sequence numbers grow by one per transaction within a
/// domain, whichever server wrote it, so in a single-leader cluster (one domain) the sequence number says how far
/// along the one history a node is, and the difference between two nodes' numbers counts the transactions between
/// them. <see cref="ChooseTarget"/> and <see cref="TransactionsAhead"/> are the pure decisions of a failover.
/// </summary>
public sealed record GtidPosition(IReadOnlyDictionary<long, (long Server, long Sequence)> Domains)
{
    public static GtidPosition Empty { get; } = new(new Dictionary<long, (long, long)>());

    /// <summary>Parses a GTID list; null for text that is not one (an empty string is the empty position).</summary>
    public static GtidPosition? Parse(string? text)
    {
        if (text is null) return null;
        var domains = new Dictionary<long, (long, long)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = part.Split('-');
            if (fields.Length != 3 || !fields.All(f => long.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out _))) return null;
            var n = fields.Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            domains[n[0]] = (n[1], n[2]);
        }
        return new GtidPosition(domains);
    }

    /// <summary>The sequence number reached in <paramref name="domain"/> (0 if the node has none there).</summary>
    public long Sequence(long domain = 0) => Domains.TryGetValue(domain, out var d) ? d.Sequence : 0;

    /// <summary>How many transactions of <paramref name="domain"/> this position has beyond <paramref name="other"/>
    /// (0 if it is not ahead): after a failover, what an old primary holds that the promoted replica never received.</summary>
    public long TransactionsAhead(GtidPosition other, long domain = 0) => Math.Max(0, Sequence(domain) - other.Sequence(domain));

    public override string ToString() =>
        string.Join(",", Domains.OrderBy(d => d.Key).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key}-{d.Value.Server}-{d.Value.Sequence}")));

    /// <summary>The replica to promote: the requested one, or else the one that received the most of domain 0 (it loses
    /// the fewest acknowledged commits once it has applied what it received). Ties go to the first name in order;
    /// a null position means the replica did not answer.</summary>
    public static string ChooseTarget(IReadOnlyDictionary<string, GtidPosition?> received, string? requested)
    {
        ArgumentNullException.ThrowIfNull(received);
        if (requested is not null)
        {
            if (!received.TryGetValue(requested, out var position))
                throw new InvalidOperationException($"cannot promote {requested}: not a replica ({string.Join(", ", received.Keys)})");
            return position is null ? throw new InvalidOperationException($"cannot promote {requested}: it does not answer") : requested;
        }
        return received.Where(kv => kv.Value is not null)
            .OrderByDescending(kv => kv.Value!.Sequence()).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).FirstOrDefault()
            ?? throw new InvalidOperationException("no replica answered: nothing to promote");
    }
}
