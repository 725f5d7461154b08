using System.Globalization;
using Harness.Checkers.Stats.Internal;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Stats;

/// <summary>
/// Describes a history rather than judging it: client operations counted by outcome (ok / fail / info / open)
/// overall, per function (<c>f</c>) and per node; latency percentiles of Ok operations; Ok throughput; and how many
/// times each fault was injected. Like Jepsen's <c>stats</c> checker, it raises one alarm: a function that never
/// once succeeded means the test exercised nothing there (the database was down, or the client is broken), so the
/// verdict is unknown; otherwise valid. Stats keys are kebab-case: "ok", "latency-p99-ms", "read.ok",
/// "node.pg1.fail", "fault.partition".
/// </summary>
public sealed class StatsChecker : IChecker
{
    public string Name => "stats";

    public CheckResult Check(History history, CheckContext context)
    {
        var all = new OpTally();
        var byF = new SortedDictionary<string, OpTally>(StringComparer.Ordinal);
        var byNode = new SortedDictionary<string, OpTally>(StringComparer.Ordinal);
        foreach (var (invoke, completion) in history.Pairs())
        {
            if (invoke.IsNemesis) continue;
            all.Add(invoke, completion);
            Group(byF, invoke.F).Add(invoke, completion);
            Group(byNode, completion?.Node ?? invoke.Node ?? "unknown", keepLatencies: false).Add(invoke, completion);
        }
        var faults = history.FaultWindows().GroupBy(w => w.Fault)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var idle = byF.Where(kv => kv.Value.Ok == 0).Select(kv => kv.Key).ToList();
        var stats = Stats(history, all, byF, byNode, faults);
        return new CheckResult(Name, idle.Count > 0 ? Validity.Unknown : Validity.Valid, Summary(all, stats, idle))
        {
            Stats = stats,
            Details = new Dictionary<string, object?>
            {
                ["by-f"] = byF.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.ToDictionary(withLatency: true)),
                ["by-node"] = byNode.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.ToDictionary(withLatency: false)),
                ["faults"] = faults.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
            },
        };
    }

    private static OpTally Group(SortedDictionary<string, OpTally> groups, string name, bool keepLatencies = true)
    {
        if (!groups.TryGetValue(name, out var tally)) groups[name] = tally = new OpTally(keepLatencies);
        return tally;
    }

    private static Dictionary<string, object?> Stats(History history, OpTally all,
        SortedDictionary<string, OpTally> byF, SortedDictionary<string, OpTally> byNode, Dictionary<string, long> faults)
    {
        var seconds = history.Count == 0 ? 0.0 : (history[^1].Time - history[0].Time) / 1e9;
        var stats = all.Entries("", withLatency: true).ToDictionary();
        stats["duration-s"] = Math.Round(seconds, 3);
        stats["ok-per-s"] = seconds > 0 ? Math.Round(all.Ok / seconds, 3) : 0.0;
        foreach (var (f, tally) in byF)
            foreach (var (key, value) in tally.Entries(f + ".", withLatency: true)) stats[key] = value;
        foreach (var (node, tally) in byNode)
            foreach (var (key, value) in tally.Entries("node." + node + ".", withLatency: false)) stats[key] = value;
        stats["faults"] = faults.Values.Sum();
        foreach (var (fault, count) in faults) stats["fault." + fault] = count;
        return stats;
    }

    private static string Summary(OpTally all, Dictionary<string, object?> stats, List<string> idle)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{all.Ops} client ops: {all.Ok} ok, {all.Fail} fail, {all.Info} info, {all.Open} open; " +
            $"{stats["ok-per-s"]} ok/s, p99 latency {stats["latency-p99-ms"]} ms, {stats["faults"]} faults");
        return idle.Count == 0 ? text : text + "; no Ok " + string.Join(", ", idle) + " at all";
    }
}
