using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>A client operation as the search sees it: its invocation, its completion (null if it never
/// completed), the positions of both in the history, whether its outcome is unknown (Info or no completion),
/// and the input and output values the model reads (the inner values when the history is split by key).</summary>
internal sealed record HistoryCall(Op Invoke, Op? Completion, int InvokeAt, int ReturnAt, bool Crashed, object? Input, object? Output)
{
    /// <summary>History indices of the invocation and (if any) the completion.</summary>
    public IEnumerable<long> Indices() => Completion is null ? [Invoke.Index] : [Invoke.Index, Completion.Index];

    /// <summary>Every non-nemesis call that may have taken effect: Ok and crashed ones; failed calls did not
    /// happen and are left out.</summary>
    public static List<HistoryCall> From(History history)
    {
        var calls = new List<HistoryCall>();
        for (var i = 0; i < history.Count; i++)
        {
            var op = history[i];
            if (op.Type != OpType.Invoke || op.IsNemesis) continue;
            var partner = history.PartnerOf(i);
            var done = partner < 0 ? null : history[partner];
            if (done is { Type: OpType.Fail }) continue;
            var crashed = done is null or { Type: OpType.Info };
            calls.Add(new HistoryCall(op, done, i, crashed ? int.MaxValue : partner, crashed, op.Value, crashed ? null : done!.Value));
        }
        return calls;
    }
}
