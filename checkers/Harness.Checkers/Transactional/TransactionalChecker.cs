using System.Diagnostics;
using System.Globalization;
using Harness.Checkers.Transactional.Internal;
using Harness.Core.Checking;

namespace Harness.Checkers.Transactional;

/// <summary>
/// An Elle-style transactional checker. It reads the history's "txn" operations as list-append
/// (<c>["append", k, v]</c> / <c>["r", k, [..]]</c>) or read-write register (<c>["w", k, v]</c> / <c>["r", k, v]</c>)
/// transactions, infers each key's version order from what was read, and builds a dependency graph of ww, wr and rw
/// edges plus process and realtime edges. Cycles in that graph (G0, G1c, G-single, G-nonadjacent, G2-item and their
/// -process / -realtime variants) and non-cycle anomalies (G1a, G1b, internal, lost-update, ...; see
/// <see cref="TransactionalAnomalyKinds"/>) are mapped by <see cref="ConsistencyModels"/> to the models they rule
/// out. The verdict is Invalid when an anomaly found is forbidden by the requested model, Unknown when a cycle search
/// ran out of time, Valid otherwise.
/// <para>Options (<see cref="CheckContext.Options"/>): <c>workload</c> = list-append (default) | rw-register;
/// <c>consistency-model</c> (default strict-serializable); <c>examples-per-kind</c> (default 5);
/// <c>component-time-limit-ms</c> (default 5000): the budget of one cycle search in one component.</para>
/// <para>Stats: <c>not</c> (weakest violated models), <c>also-not</c> (stronger ones), <c>forbidden</c> (anomalies
/// found that the requested model forbids), <c>unknown-classes</c> (forbidden classes whose search ran out of time
/// in some component: each such search is also a <c>cycle-search-timeout</c> anomaly), <c>consistency-model</c>,
/// counts of transactions and edges, timing (<c>read-ms</c>: building the lean table; <c>analysis-ms</c>: version
/// orders, data edges and non-cycle anomalies; <c>graph-ms</c>: process and realtime edges and the graph;
/// <c>cycle-search-ms</c>: components and cycle search; <c>elapsed-ms</c>: all, explanations included).</para>
/// </summary>
public sealed class TransactionalChecker : IStreamingChecker
{
    public const string ListAppend = "list-append";
    public const string RwRegister = "rw-register";

    private readonly string? _workload;
    private readonly string? _model;

    /// <summary>Defaults used when the context's options do not name a workload or consistency model.</summary>
    public TransactionalChecker(string? workload = null, string? consistencyModel = null)
    {
        _workload = workload;
        _model = consistencyModel;
    }

    public string Name => "transactional";

    public CheckResult Check(Core.History.History history, CheckContext context) =>
        Check(context, workload => TxnTableBuilder.Read(history, listReads: workload == ListAppend));

    /// <summary>Checks a history given as its operations in history order, without holding it: each operation is
    /// read once into the checker's lean table (see <c>TxnTableBuilder</c>) and may be dropped by the caller at
    /// once. Answers are the same as <see cref="Check(Core.History.History, CheckContext)"/> on the same operations.</summary>
    public CheckResult CheckStream(IEnumerable<Core.History.Op> ops, CheckContext context, int expectedTxns = 16)
    {
        var check = Begin(context, expectedTxns);
        foreach (var op in ops) check.Add(op);
        return check.Finish();
    }

    /// <summary>As <see cref="CheckStream"/>, fed one operation at a time. When streamed, <c>read-ms</c> covers only
    /// the completion of the lean table (the per-operation reading is part of the caller's reading of the file), and
    /// the time limit counts from <see cref="IStreamingCheck.Finish"/>, as it counts from the end of reading when a
    /// whole history is checked.</summary>
    public IStreamingCheck Begin(CheckContext context) => Begin(context, 16);

    private Streamed Begin(CheckContext context, int expectedTxns)
    {
        var workload = context.Option("workload") ?? _workload ?? ListAppend;
        return new Streamed(this, context, new TxnTableBuilder(listReads: workload == ListAppend, keepValues: false, expectedTxns));
    }

    /// <summary>A streamed check: operations go straight into the lean table.</summary>
    private sealed class Streamed(TransactionalChecker checker, CheckContext context, TxnTableBuilder table) : IStreamingCheck
    {
        public void Add(Core.History.Op op) => table.Add(op);

        public CheckResult Finish() => checker.Check(context, _ => table.Finish());
    }

    private CheckResult Check(CheckContext context, Func<string, TxnTable> read)
    {
        var clock = Stopwatch.StartNew();
        var workload = context.Option("workload") ?? _workload ?? ListAppend;
        var requested = context.Option("consistency-model") ?? _model ?? ConsistencyModels.Default;
        var model = ConsistencyModels.Canonical(requested);
        if (model is null)
            return new CheckResult(Name, Validity.Unknown, $"unknown consistency model \"{requested}\"; known: {string.Join(", ", ConsistencyModels.All)}");
        if (workload is not (ListAppend or RwRegister))
            return new CheckResult(Name, Validity.Unknown, $"unknown workload \"{workload}\"; expected {ListAppend} or {RwRegister}");

        var table = read(workload);
        var phases = new Dictionary<string, object?> { ["read-ms"] = clock.Elapsed.TotalMilliseconds };
        IDataAnalysis analysis = workload == ListAppend ? new ListAppendAnalysis(table) : new RwRegisterAnalysis(table);
        var log = new AnomalyLog(IntOption(context, "examples-per-kind", 5));
        var builder = new DependencyGraph.Builder(table.Count);
        analysis.Run(builder, log);
        phases["analysis-ms"] = clock.Elapsed.TotalMilliseconds - (double)phases["read-ms"]!;
        var mark = clock.Elapsed.TotalMilliseconds;
        OrderEdges.Add(table, builder);
        var edgeCounts = new[] { EdgeKind.WW, EdgeKind.WR, EdgeKind.RW, EdgeKind.Process, EdgeKind.Realtime }
            .ToDictionary(k => EdgeKindNames.Short(k) + "-edges", k => (object?)builder.CountOf(k));
        var graph = builder.Build();
        phases["graph-ms"] = clock.Elapsed.TotalMilliseconds - mark;
        mark = clock.Elapsed.TotalMilliseconds;
        var budget = TimeSpan.FromMilliseconds(IntOption(context, "component-time-limit-ms", 5000));
        var search = new CycleSearch(graph, budget, clock, context.TimeLimit, context.Cancellation);
        search.Run();
        phases["cycle-search-ms"] = clock.Elapsed.TotalMilliseconds - mark;
        var explainer = new CycleExplainer(table, analysis);
        foreach (var cycle in search.Cycles) log.Add(cycle.Kind, () => explainer.Explain(cycle));
        foreach (var (cls, size) in search.Timeouts)
            log.Add(TransactionalAnomalyKinds.CycleSearchTimeout, () => new Core.Checking.Anomaly(TransactionalAnomalyKinds.CycleSearchTimeout,
                $"the search for {cls} in a strongly connected component of {size} transactions ran out of its {budget.TotalMilliseconds:0} ms budget: {cls} is unknown there", [])
            { Data = new Dictionary<string, object?> { ["class"] = cls, ["component-size"] = (long)size } });
        foreach (var (k, v) in phases) edgeCounts[k] = v;
        return Verdict(table, analysis, log, search, model, workload, edgeCounts, graph, clock);
    }

    private CheckResult Verdict(TxnTable table, IDataAnalysis analysis, AnomalyLog log, CycleSearch search, string model,
        string workload, Dictionary<string, object?> edgeCounts, DependencyGraph graph, Stopwatch clock)
    {
        var found = log.Counts.Keys.Where(k => k != TransactionalAnomalyKinds.CycleSearchTimeout).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var (not, alsoNot) = ConsistencyModels.Boundary(found);
        var forbidden = found.Where(a => ConsistencyModels.Forbids(model, a)).ToList();
        var unknownClasses = search.Timeouts.Select(t => t.Class).Where(c => ConsistencyModels.Forbids(model, c)).Distinct().ToList();
        var incomplete = unknownClasses.Count > 0 || search.DeadlinePassed;
        var validity = forbidden.Count > 0 ? Validity.Invalid : incomplete ? Validity.Unknown : Validity.Valid;
        var summary = validity switch
        {
            Validity.Invalid => $"{model} violated: {string.Join(", ", forbidden.Select(a => $"{a} ×{log.Counts[a]}"))}; not {string.Join(", ", not)}",
            Validity.Unknown => search.DeadlinePassed ? $"no anomaly forbidden by {model} found, but the check ran out of time"
                : $"no anomaly forbidden by {model} found, but the search for {string.Join(", ", unknownClasses)} ran out of time (cycle-search-timeout)",
            _ => found.Count == 0 ? $"{table.Count} transactions consistent with {model}"
                : $"consistent with {model}; allowed anomalies: {string.Join(", ", found)}",
        };
        var stats = new Dictionary<string, object?>
        {
            ["not"] = not.ToList<object?>(),
            ["also-not"] = alsoNot.ToList<object?>(),
            ["forbidden"] = forbidden.ToList<object?>(),
            ["consistency-model"] = model,
            ["workload"] = workload,
            ["txns"] = (long)table.Count,
            ["ok-txns"] = (long)Enumerable.Range(0, table.Count).Count(table.IsOk),
            ["failed-txns"] = (long)Enumerable.Range(0, table.Count).Count(table.IsFailed),
            ["malformed-ops"] = table.MalformedOps,
            ["edges"] = (long)graph.EdgeCount,
            ["nontrivial-sccs"] = (long)search.NontrivialComponents,
            ["cycle-search-timeouts"] = (long)search.TimedOutSearches,
            ["unknown-classes"] = unknownClasses.ToList<object?>(),
            ["deadline-passed"] = search.DeadlinePassed,
            ["elapsed-ms"] = clock.Elapsed.TotalMilliseconds,
        };
        foreach (var (k, v) in edgeCounts) stats[k] = v;
        foreach (var (k, v) in analysis.Stats) stats[k] = v;
        return new CheckResult(Name, validity, summary)
        {
            Anomalies = log.Examples,
            AnomalyCounts = log.Counts.ToDictionary(kv => kv.Key, kv => kv.Value),
            Stats = stats,
        };
    }

    private static int IntOption(CheckContext context, string name, int fallback) =>
        int.TryParse(context.Option(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : fallback;
}
