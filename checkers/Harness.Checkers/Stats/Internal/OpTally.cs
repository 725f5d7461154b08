using Harness.Core.History;

namespace Harness.Checkers.Stats.Internal;

/// <summary>Counts of one group of client operations (all, one f, one node) by outcome, with Ok latencies unless
/// the group never reports them (<paramref name="keepLatencies"/> false: a long run's latencies are not held twice for nothing).</summary>
internal sealed class OpTally(bool keepLatencies = true)
{
    private readonly List<long> _latencies = [];

    public long Ops { get; private set; }
    public long Ok { get; private set; }
    public long Fail { get; private set; }
    public long Info { get; private set; }
    public long Open { get; private set; }

    public void Add(Op invoke, Op? completion)
    {
        Ops++;
        switch (completion?.Type)
        {
            case null: Open++; break;
            case OpType.Ok:
                Ok++;
                if (keepLatencies) _latencies.Add(completion.Time - invoke.Time);
                break;
            case OpType.Fail: Fail++; break;
            default: Info++; break;
        }
    }

    /// <summary>The figures as stats entries named "<paramref name="prefix"/>ok", "<paramref name="prefix"/>latency-p50-ms" ...</summary>
    public IEnumerable<KeyValuePair<string, object?>> Entries(string prefix, bool withLatency)
    {
        yield return new(prefix + "ops", Ops);
        yield return new(prefix + "ok", Ok);
        yield return new(prefix + "fail", Fail);
        yield return new(prefix + "info", Info);
        yield return new(prefix + "open", Open);
        yield return new(prefix + "ok-rate", Ops == 0 ? 0.0 : Math.Round((double)Ok / Ops, 4));
        if (!withLatency) yield break;
        if (!keepLatencies) throw new InvalidOperationException("this tally keeps no latencies");
        var p = Percentiles.Of(_latencies, 50, 95, 99, 100);
        yield return new(prefix + "latency-p50-ms", TimeText.ToMillis(p[0]));
        yield return new(prefix + "latency-p95-ms", TimeText.ToMillis(p[1]));
        yield return new(prefix + "latency-p99-ms", TimeText.ToMillis(p[2]));
        yield return new(prefix + "latency-max-ms", TimeText.ToMillis(p[3]));
    }

    public Dictionary<string, object?> ToDictionary(bool withLatency) => Entries("", withLatency).ToDictionary();
}
