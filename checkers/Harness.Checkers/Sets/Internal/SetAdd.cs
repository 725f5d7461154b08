using Harness.Core.History;

namespace Harness.Checkers.Sets.Internal;

/// <summary>
/// One attempted add of an element, held small: history positions of its invocation and completion (-1 while open),
/// its outcome and the time it completed (the invocation's time while open). A long run has millions of adds, so
/// the operations themselves are not kept (in a compact history each read of a position builds a fresh
/// <see cref="Op"/>, so holding two per add would be a second copy of the history); the few that an explanation
/// quotes are read back from the history by position.
/// </summary>
internal readonly record struct SetAdd(long Element, int InvokePosition, int CompletionPosition, OpType Outcome, long CompletionTime)
{
    public static SetAdd Of(long element, int position, History history)
    {
        var partner = history.PartnerOf(position);
        var completion = partner < 0 ? null : history[partner];
        return new SetAdd(element, position, partner, completion?.Type ?? OpType.Info, completion?.Time ?? history[position].Time);
    }

    public bool IsAcknowledged => Outcome == OpType.Ok;

    public bool IsOpen => CompletionPosition < 0;

    /// <summary>How sure an add is that it happened: Ok beats unknown (Info, open) beats Fail.</summary>
    public int Strength => Outcome switch
    {
        OpType.Ok => 2,
        OpType.Fail => 0,
        _ => 1,
    };

    public Op Invoke(History history) => history[InvokePosition];

    public Op? Completion(History history) => IsOpen ? null : history[CompletionPosition];

    public string Node(History history)
    {
        var invoke = Invoke(history);
        return Completion(history)?.Node ?? invoke.Node ?? $"process {invoke.Process}";
    }

    public IEnumerable<long> OpIndices(History history) =>
        IsOpen ? [Invoke(history).Index] : [Invoke(history).Index, Completion(history)!.Index];
}
