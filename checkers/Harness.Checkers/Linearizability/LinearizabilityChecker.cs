using System.Diagnostics;
using Harness.Checkers.Linearizability.Internal;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Linearizability;

/// <summary>
/// Checks that a history is linearizable: that every operation appears to take effect atomically at some point
/// between its invocation and its completion, in an order that a sequential <see cref="IModel"/> accepts.
/// Ok operations happened, failed ones did not (they are dropped), and crashed (Info or never completed) ones
/// may take effect at any point after their invocation, or never. Keyed histories are split by key and the keys
/// checked in parallel (linearizability is compositional), stopping at the first key that fails. Unsplit (<c>split</c>
/// false), a kv history is checked against the whole-map model; as that model is a product over keys, it is
/// decided one key's projection at a time unless <c>locality</c> is off, and the summary and the
/// <c>decided-by</c> stat say which was done. The search is
/// WGL with Lowe's cache (see <c>Internal/WglSearch</c>); on failure the result explains the longest
/// linearizable prefix, the operation that cannot be placed and why, with a shrunk witness.
/// Options come from <see cref="CheckContext.Options"/>: <c>model</c>, <c>initial-value</c>, <c>split</c>,
/// <c>locality</c>, <c>nil-reads</c> (see <see cref="LinearizabilityOptions.NilReads"/>).
/// </summary>
public sealed class LinearizabilityChecker(LinearizabilityOptions defaults) : IChecker
{
    public LinearizabilityChecker() : this(new LinearizabilityOptions())
    {
    }

    public string Name => "linearizability";

    public CheckResult Check(History history, CheckContext context)
    {
        var options = defaults.With(context);
        var clock = Stopwatch.StartNew();
        var cpuAtStart = CpuAllowance.Now();
        if (!ModelCatalog.IsKnown(options.Model))
            return new CheckResult(Name, Validity.Unknown, $"unknown model \"{options.Model}\"; known: {string.Join(", ", ModelCatalog.Names)}");
        if (options.NilReads is not (LinearizabilityOptions.NilReadsValue or LinearizabilityOptions.NilReadsUnknownName))
            return new CheckResult(Name, Validity.Unknown, $"nil-reads must be unknown or value, not \"{options.NilReads}\"");
        var budget = SearchBudget.For(options.TimeLimit, context.Cancellation);
        var plan = PartitionPlan.Make(history, options);
        if (plan.Error is not null)
            return new CheckResult(Name, Validity.Unknown, "cannot split the history by key: " + plan.Error);
        var (parts, invalid) = Search(plan, budget, options.Parallel);
        var searchMs = clock.Elapsed.TotalMilliseconds;
        // Shrinking has its own budget: the processor time of the search that found the violation plus 100 ms (CPU
        // time, so a loaded machine does not cut the witness short), and ShrinkLimit as a wall-clock deadline.
        var searchCpu = CpuAllowance.Now() - cpuAtStart;
        var anomalies = invalid is null
            ? []
            : new[] { NonlinearizableAnomaly.Build(invalid, options.Model, SearchBudget.For(options.ShrinkLimit, context.Cancellation), new CpuAllowance(searchCpu + TimeSpan.FromMilliseconds(100))) };
        var validity = invalid is not null ? Validity.Invalid
            : parts.Any(p => p.Outcome?.Validity != Validity.Valid) ? Validity.Unknown : Validity.Valid;
        var stats = Stats(history, plan, parts, options, searchMs, clock.Elapsed.TotalMilliseconds);
        return new CheckResult(Name, validity, Summary(validity, parts, invalid, options, plan.Projected))
        {
            Anomalies = anomalies,
            AnomalyCounts = invalid is null ? new Dictionary<string, long>() : new Dictionary<string, long> { ["nonlinearizable"] = 1 },
            Stats = stats,
        };
    }

    /// <summary>Searches the parts a batch at a time, stopping at the first batch with a key that is not linearizable
    /// (later parts are built, for their counts, but not searched). Every part but the first invalid one lets go of
    /// its calls once it has an outcome.</summary>
    private static (List<Partition> Parts, Partition? Invalid) Search(PartitionPlan plan, SearchBudget budget, bool parallel)
    {
        var parts = new List<Partition>();
        Partition? invalid = null;
        foreach (var batch in plan.Batches())
        {
            if (invalid is null) PartitionSearch.Run(batch, budget, parallel);
            foreach (var part in batch)
            {
                part.Outcome ??= new SearchOutcome(Validity.Unknown, budget.Exhausted() ?? "not searched: another key already failed", [], 0, -1);
                if (invalid is null && part.Outcome.Validity == Validity.Invalid) invalid = part;
                else part.Release();
            }
            parts.AddRange(batch);
        }
        return (parts, invalid);
    }

    private static string Summary(Validity validity, List<Partition> parts, Partition? invalid, LinearizabilityOptions options, bool projected)
    {
        var scope = projected ? $" (whole-map state, decided by locality: {parts.Count} key projections searched with the whole-map model)"
            : parts.Count > 1 || parts.FirstOrDefault()?.Keyed == true ? $" ({parts.Count} keys checked independently)"
            : options.Model == "kv" ? " (whole-map state, searched as one)" : "";
        return validity switch
        {
            Validity.Valid => $"linearizable for the {options.Model} model{scope}",
            Validity.Invalid => $"not linearizable for the {options.Model} model{(invalid!.Keyed ? " on key " + invalid.KeyText : "")}{scope}",
            _ => "unknown: " + string.Join("; ", parts.Where(p => p.Outcome?.Validity == Validity.Unknown)
                .Select(p => (p.Keyed ? $"key {p.KeyText}: " : "") + p.Outcome!.Reason).Distinct().Take(3)),
        };
    }

    private static Dictionary<string, object?> Stats(History history, PartitionPlan plan, List<Partition> parts,
        LinearizabilityOptions options, double searchMs, double totalMs) => new()
    {
        ["model"] = options.Model,
        ["decided-by"] = plan.Projected ? "locality" : parts.Count == 1 && !parts[0].Keyed ? "one search" : "key split",
        ["nil-reads"] = options.NilReads,
        ["ops"] = (long)history.Ops.Count(o => o.IsInvoke && !o.IsNemesis),
        ["checked-ops"] = (long)parts.Sum(p => p.CheckedCount),
        ["crashed-ops"] = plan.Crashed,
        ["keys"] = (long)(parts.Count == 1 && !parts[0].Keyed ? 0 : parts.Count),
        ["configurations"] = parts.Sum(p => p.Outcome?.Configurations ?? 0),
        ["search-steps"] = parts.Sum(p => p.Outcome?.Steps ?? 0),
        ["search-ms"] = Math.Round(searchMs, 3),
        ["shrink-ms"] = Math.Round(totalMs - searchMs, 3),
        ["elapsed-ms"] = Math.Round(totalMs, 3),
    };
}
