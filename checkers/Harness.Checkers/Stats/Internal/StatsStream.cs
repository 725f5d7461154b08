using System.Globalization;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Stats.Internal;

/// <summary>The stats checker's one pass over a history in history order (see <see cref="StatsChecker"/>): a client
/// invocation waits, by process, for its completion and is tallied then (or at the end, as open); the nemesis's
/// entries are kept for the fault windows. Only the open invocations, the latencies and the nemesis entries are
/// held, so a streamed history of any length costs a few bytes per Ok operation.</summary>
internal sealed class StatsStream : IStreamingCheck
{
    private readonly OpTally _all = new();
    private readonly SortedDictionary<string, OpTally> _byF = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, OpTally> _byNode = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Op> _open = new();
    private readonly List<Op> _nemesis = new();
    private long _count, _firstTime, _lastTime;

    public void Add(Op op)
    {
        if (_count++ == 0) _firstTime = op.Time;
        _lastTime = op.Time;
        if (op.IsNemesis) _nemesis.Add(op);
        else if (op.Type == OpType.Invoke) _open[op.Process] = op;
        else if (_open.Remove(op.Process, out var invoke)) Tally(invoke, op);
    }

    public CheckResult Finish()
    {
        foreach (var invoke in _open.Values) Tally(invoke, null);
        _open.Clear();
        var faults = FaultWindow.From(_nemesis).GroupBy(w => w.Fault)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var idle = _byF.Where(kv => kv.Value.Ok == 0).Select(kv => kv.Key).ToList();
        var stats = Stats(faults);
        return new CheckResult("stats", idle.Count > 0 ? Validity.Unknown : Validity.Valid, Summary(stats, idle))
        {
            Stats = stats,
            Details = new Dictionary<string, object?>
            {
                ["by-f"] = _byF.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.ToDictionary(withLatency: true)),
                ["by-node"] = _byNode.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.ToDictionary(withLatency: false)),
                ["faults"] = faults.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
            },
        };
    }

    private void Tally(Op invoke, Op? completion)
    {
        _all.Add(invoke, completion);
        Group(_byF, invoke.F).Add(invoke, completion);
        Group(_byNode, completion?.Node ?? invoke.Node ?? "unknown", keepLatencies: false).Add(invoke, completion);
    }

    private static OpTally Group(SortedDictionary<string, OpTally> groups, string name, bool keepLatencies = true)
    {
        if (!groups.TryGetValue(name, out var tally)) groups[name] = tally = new OpTally(keepLatencies);
        return tally;
    }

    private Dictionary<string, object?> Stats(Dictionary<string, long> faults)
    {
        var seconds = _count == 0 ? 0.0 : (_lastTime - _firstTime) / 1e9;
        var stats = _all.Entries("", withLatency: true).ToDictionary();
        stats["duration-s"] = Math.Round(seconds, 3);
        stats["ok-per-s"] = seconds > 0 ? Math.Round(_all.Ok / seconds, 3) : 0.0;
        foreach (var (f, tally) in _byF)
            foreach (var (key, value) in tally.Entries(f + ".", withLatency: true)) stats[key] = value;
        foreach (var (node, tally) in _byNode)
            foreach (var (key, value) in tally.Entries("node." + node + ".", withLatency: false)) stats[key] = value;
        stats["faults"] = faults.Values.Sum();
        foreach (var (fault, count) in faults) stats["fault." + fault] = count;
        return stats;
    }

    private string Summary(Dictionary<string, object?> stats, List<string> idle)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{_all.Ops} client ops: {_all.Ok} ok, {_all.Fail} fail, {_all.Info} info, {_all.Open} open; " +
            $"{stats["ok-per-s"]} ok/s, p99 latency {stats["latency-p99-ms"]} ms, {stats["faults"]} faults");
        return idle.Count == 0 ? text : text + "; no Ok " + string.Join(", ", idle) + " at all";
    }
}
