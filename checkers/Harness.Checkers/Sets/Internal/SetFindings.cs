using Harness.Core.Checking;

namespace Harness.Checkers.Sets.Internal;

/// <summary>Collects element verdicts into counts, a few example anomalies per kind, and the time series
/// (element, time in ns) a report plots: acknowledgement time for lost and divergent elements, add invocation
/// time for recovered ones, and the first final read's completion for unexpected ones.</summary>
internal sealed class SetFindings(int examplesPerKind, Core.History.History history)
{
    private readonly Dictionary<ElementFate, long> _counts = Enum.GetValues<ElementFate>().ToDictionary(f => f, _ => 0L);
    private readonly Dictionary<string, List<object?>> _series = new()
    {
        ["lost"] = [], ["divergent"] = [], ["recovered"] = [], ["unexpected"] = [],
    };

    public List<Anomaly> Anomalies { get; } = [];

    public long this[ElementFate fate] => _counts[fate];

    /// <summary>Divergent elements whose add was acknowledged (the others were of unknown outcome: a node may keep
    /// such a write while another lost it, e.g. a commit that waited for a semi-synchronous ack that never came).</summary>
    public long AcknowledgedDivergent { get; private set; }

    public void Add(ElementVerdict v)
    {
        _counts[v.Fate]++;
        if (v.Fate == ElementFate.Divergent && v.Add is { IsAcknowledged: true }) AcknowledgedDivergent++;
        var kind = SetExplanations.Kind(v.Fate);
        if (kind.Length > 0 && _counts[v.Fate] <= examplesPerKind) Anomalies.Add(SetExplanations.Explain(v, history));
        var series = v.Fate switch
        {
            ElementFate.Lost => "lost",
            ElementFate.Divergent => "divergent",
            ElementFate.Recovered => "recovered",
            ElementFate.Unexpected => "unexpected",
            _ => null,
        };
        if (series is not null) _series[series].Add(new object?[] { v.Element, TimeOf(v) });
    }

    private long TimeOf(ElementVerdict v) => v.Fate switch
    {
        ElementFate.Unexpected => v.Holding.Min(r => r.Completion.Time),
        ElementFate.Recovered => v.Add!.Value.Invoke(history).Time,
        _ => v.Add!.Value.CompletionTime,
    };

    public bool AnyAnomaly => Anomalies.Count > 0;

    public Dictionary<string, long> AnomalyCounts() => new[]
        {
            ElementFate.Lost, ElementFate.Divergent, ElementFate.Unexpected, ElementFate.FailedButPresent,
        }
        .Where(f => _counts[f] > 0)
        .ToDictionary(f => SetExplanations.Kind(f), f => _counts[f]);

    public Dictionary<string, object?> Details() =>
        _series.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.ToArray());
}
