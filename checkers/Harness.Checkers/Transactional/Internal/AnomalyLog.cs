using Harness.Core.Checking;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Counts every anomaly by kind but keeps only the first few examples of each, so a history with a million
/// anomalies still gives a small result. Examples are built lazily: the (possibly costly) explanation is only
/// written for anomalies that will be kept.
/// </summary>
internal sealed class AnomalyLog(int examplesPerKind)
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<Anomaly> _examples = new();

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public IReadOnlyList<Anomaly> Examples => _examples;

    public void Add(string kind, Func<Anomaly> example)
    {
        _counts.TryGetValue(kind, out var n);
        _counts[kind] = n + 1;
        if (n < examplesPerKind) _examples.Add(example());
    }

    public bool Has(string kind) => _counts.ContainsKey(kind);
}
