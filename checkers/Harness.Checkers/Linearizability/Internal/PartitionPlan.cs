using Harness.Core.Formats;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>Turns a history and options into the parts to search: one per key when the history is split
/// (always for kv unless disabled; for other models when asked or when every value is a [key value] pair),
/// otherwise the whole history. Each part gets a fresh model instance.</summary>
internal static class PartitionPlan
{
    public static List<Partition> Make(IReadOnlyList<HistoryCall> calls, LinearizabilityOptions options, out string? error)
    {
        error = null;
        var model = options.Model == "fifo-queue" ? "queue" : options.Model;
        var initial = Initial(options, model);
        var split = options.SplitByKey ?? (model == "kv" || (model is "register" or "cas-register" && KeyedSplit.LooksKeyed(calls)));
        if (!split)
        {
            var whole = model == "kv" ? ModelCatalog.CreateWholeKv(initial) : ModelCatalog.Create(model, initial, options.NilReadsUnknown);
            return [new Partition(null, false, calls, whole)];
        }
        var groups = KeyedSplit.Split(calls, out error);
        if (groups is null) return [];
        return groups.Select(g => new Partition(g.Key, true, g.Calls, ModelCatalog.Create(model, initial, options.NilReadsUnknown))).ToList();
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
