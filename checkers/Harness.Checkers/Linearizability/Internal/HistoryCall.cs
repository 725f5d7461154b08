using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>A client operation as the search sees it: the positions of its invocation and completion in the history
/// (-1: it never completed), where it returns for the search (<see cref="int.MaxValue"/> when its outcome is unknown:
/// Info or no completion), and the input and output values the model reads (the inner values when the history is split
/// by key). The operations themselves are read from the history when asked for, so a call holds no copy of them.</summary>
internal sealed record HistoryCall(History History, int InvokeAt, int CompletionAt, int ReturnAt, bool Crashed, object? Input, object? Output)
{
    public Op Invoke => History[InvokeAt];

    public Op? Completion => CompletionAt < 0 ? null : History[CompletionAt];

    /// <summary>History indices of the invocation and (if any) the completion.</summary>
    public IEnumerable<long> Indices() => Completion is { } done ? [Invoke.Index, done.Index] : [Invoke.Index];

    /// <summary>Every non-nemesis call that may have taken effect: Ok and crashed ones; failed calls did not
    /// happen and are left out. Built as the caller walks them (nothing is held).</summary>
    public static IEnumerable<HistoryCall> Each(History history)
    {
        for (var i = 0; i < history.Count; i++)
            if (At(history, i) is { } call) yield return call;
    }

    /// <summary>The call invoked at <paramref name="position"/>, or null when that is no such call (a completion,
    /// a nemesis entry, or a failed call).</summary>
    public static HistoryCall? At(History history, int position)
    {
        var op = history[position];
        if (op.Type != OpType.Invoke || op.IsNemesis) return null;
        var partner = history.PartnerOf(position);
        var done = partner < 0 ? null : history[partner];
        if (done is { Type: OpType.Fail }) return null;
        var crashed = done is null or { Type: OpType.Info };
        return new HistoryCall(history, position, partner, crashed ? int.MaxValue : partner, crashed, op.Value, crashed ? null : done!.Value);
    }
}
