using Harness.Core.Formats;
using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>Turns a history and options into the parts to search: one per key when the history is split
/// (always for kv unless disabled; for other models when asked or when every value is a [key value] pair),
/// otherwise the whole history. An unsplit kv history is one part searched with the whole-map model, unless
/// <see cref="LinearizabilityOptions.Locality"/> holds: then it is one part per key's projection (<see cref="Projected"/>),
/// each searched with the whole-map model over the calls as written (see <see cref="IProductModel"/>).
/// Each part gets a fresh model instance. A first pass keeps only each key's
/// invocation positions; <see cref="Batches"/> then builds the parts a batch of keys (~64k calls) at a time, so a
/// long history's calls are never all held at once.</summary>
internal sealed class PartitionPlan
{
    private const int BatchCalls = 1 << 16;

    private readonly History _history;
    private readonly Func<IModel> _model;
    private readonly List<(object? Key, List<int> Positions)>? _groups;

    private PartitionPlan(History history, Func<IModel> model, List<(object? Key, List<int> Positions)>? groups, long crashed, string? error, bool projected = false)
    {
        (_history, _model, _groups, Crashed, Error, Projected) = (history, model, groups, crashed, error, projected);
    }

    /// <summary>True when an unsplit history of a product model is decided one component's projection at a time:
    /// the parts keep their calls as written and the whole model.</summary>
    public bool Projected { get; }

    /// <summary>Calls whose outcome is unknown (Info or never completed), over the whole history.</summary>
    public long Crashed { get; }

    /// <summary>Why the history cannot be split by key as asked, or null.</summary>
    public string? Error { get; }

    public static PartitionPlan Make(History history, LinearizabilityOptions options)
    {
        var model = options.Model == "fifo-queue" ? "queue" : options.Model;
        var initial = Initial(options, model);
        var mayGroup = (options.SplitByKey ?? (model is "kv" or "register" or "cas-register")) || (model == "kv" && options.Locality);
        var keys = new ValueInterner();
        var byId = new Dictionary<int, int>();
        var groups = new List<(object? Key, List<int> Positions)>();
        long count = 0, crashed = 0;
        var looksKeyed = true;
        string? error = null;
        foreach (var c in HistoryCall.Each(history))
        {
            count++;
            if (c.Crashed) crashed++;
            looksKeyed = looksKeyed && KeyedSplit.LooksKeyed(c);
            if (!mayGroup || error is not null) continue;
            if ((error = KeyedSplit.Unsplittable(c)) is not null) continue;
            var key = ((IReadOnlyList<object?>)c.Input!)[0];
            var id = keys.Id(key);
            if (!byId.TryGetValue(id, out var g))
            {
                byId[id] = g = groups.Count;
                groups.Add((key, []));
            }
            groups[g].Positions.Add(c.InvokeAt);
        }
        var split = options.SplitByKey ?? (model == "kv" || (model is "register" or "cas-register" && count > 0 && looksKeyed));
        if (!split)
        {
            Func<IModel> whole = model == "kv" ? () => ModelCatalog.CreateWholeKv(initial) : () => ModelCatalog.Create(model, initial, options.NilReadsUnknown);
            var byLocality = model == "kv" && options.Locality && error is null && groups.Count > 0;
            return new PartitionPlan(history, whole, byLocality ? groups : null, crashed, null, byLocality);
        }
        return new PartitionPlan(history, () => ModelCatalog.Create(model, initial, options.NilReadsUnknown), error is null ? groups : [], crashed, error);
    }

    /// <summary>The parts, a batch at a time (the whole history is one part when it is not split).</summary>
    public IEnumerable<List<Partition>> Batches()
    {
        if (_groups is null)
        {
            yield return [new Partition(null, false, HistoryCall.Each(_history).ToList(), _model())];
            yield break;
        }
        var batch = new List<Partition>();
        var size = 0;
        foreach (var (key, positions) in _groups)
        {
            var calls = positions.Select(i => HistoryCall.At(_history, i)!).Select(c => Projected ? c : KeyedSplit.Unwrap(c)).ToList();
            batch.Add(new Partition(key, true, calls, _model()));
            size += calls.Count;
            if (size < BatchCalls) continue;
            yield return batch;
            (batch, size) = ([], 0);
        }
        if (batch.Count > 0) yield return batch;
    }

    private static object? Initial(LinearizabilityOptions options, string model) =>
        options.InitialValue is { } text ? ParseInitial(text) : ModelCatalog.DefaultInitial(model);

    /// <summary>EDN/JSON syntax (<c>0</c>, <c>nil</c>, <c>"x"</c>, <c>[1 2]</c>); anything else is taken as a string.</summary>
    public static object? ParseInitial(string text)
    {
        try
        {
            return EdnReader.ParseValue(text);
        }
        catch (HistoryFormatException)
        {
            return text;
        }
    }
}
