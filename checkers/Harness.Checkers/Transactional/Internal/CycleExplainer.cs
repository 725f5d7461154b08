using Harness.Core.Checking;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Turns a found cycle into an <see cref="Anomaly"/>: names its transactions T1, T2, ... in cycle order, gives one
/// sentence per edge (from the workload's analysis for data edges, from the history for process and realtime
/// edges), and attaches the structured cycle and an SVG drawing in <see cref="Anomaly.Data"/>.
/// </summary>
internal sealed class CycleExplainer(TxnTable t, IDataAnalysis analysis)
{
    public Anomaly Explain(FoundCycle cycle)
    {
        var n = cycle.Nodes.Length;
        var names = new Dictionary<int, string>();
        for (var i = 0; i < n; i++) names[cycle.Nodes[i]] = "T" + (i + 1);
        string Name(int txn) => names.TryGetValue(txn, out var s) ? s : "op " + t.OpIndex(txn);
        var steps = new List<object?>();
        var sentences = new List<string>();
        for (var i = 0; i < n; i++)
        {
            int from = cycle.Nodes[i], to = cycle.Nodes[(i + 1) % n];
            var sentence = ExplainEdge(from, to, cycle.Kinds[i], Name);
            sentences.Add(sentence);
            steps.Add(new Dictionary<string, object?>
            {
                ["from"] = Name(from),
                ["to"] = Name(to),
                ["type"] = EdgeKindNames.Short(cycle.Kinds[i]),
                ["explanation"] = sentence,
            });
        }
        var txns = cycle.Nodes.Select(x => (object?)new Dictionary<string, object?>
        {
            ["name"] = Name(x),
            ["index"] = t.OpIndex(x),
            ["process"] = (long)t.Process[x],
            ["value"] = t.TxnText(x),
        }).ToList();
        var letters = string.Join(", ", cycle.Nodes.Select(x => $"{Name(x)} = op {t.OpIndex(x)} {t.TxnText(x)}"));
        var text = $"{cycle.Kind} cycle. Let {letters}. Then: {string.Join("; ", sentences)}. " +
                   $"But {Name(cycle.Nodes[0])} cannot precede itself: no serial order explains these transactions.";
        var svg = CycleSvg.Draw(cycle.Nodes.Select(Name).ToList(), cycle.Nodes.Select(x => "op " + t.OpIndex(x)).ToList(), cycle.Kinds);
        return new Anomaly(cycle.Kind, text, cycle.Nodes.Select(t.OpIndex).ToArray())
        {
            Data = new Dictionary<string, object?> { ["cycle"] = steps, ["txns"] = txns, ["svg"] = svg },
        };
    }

    private string ExplainEdge(int from, int to, EdgeKind kind, Func<int, string> name)
    {
        switch (kind)
        {
            case EdgeKind.Process:
                return $"{name(from)} and {name(to)} ran on process {t.Process[from]}, which completed {name(from)} before it began {name(to)}, so {name(from)} precedes {name(to)} (process)";
            case EdgeKind.Realtime:
                var done = t.CompleteIndex[from];
                var begun = t.InvokeIndex[to];
                return $"{name(from)} completed (op {done}) before {name(to)} was invoked (op {begun}), so {name(from)} precedes {name(to)} (realtime)";
            default:
                return analysis.ExplainEdge(from, to, kind, name)
                       ?? $"{name(from)} precedes {name(to)} ({EdgeKindNames.Short(kind)})";
        }
    }
}
