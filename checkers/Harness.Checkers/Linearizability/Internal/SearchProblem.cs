namespace Harness.Checkers.Linearizability.Internal;

/// <summary>One history (or one key's part of it) ready for the search: calls in invocation order, each with
/// its encoded operation and the positions of its invocation and completion in the history (a crashed call
/// completes at <see cref="int.MaxValue"/>: it may take effect at any later point, or never).</summary>
internal sealed class SearchProblem(IModel model, ModelOp[] ops, int[] invokeAt, int[] returnAt, bool[] crashed)
{
    public IModel Model { get; } = model;
    public ModelOp[] Ops { get; } = ops;
    public int[] InvokeAt { get; } = invokeAt;
    public int[] ReturnAt { get; } = returnAt;
    public bool[] Crashed { get; } = crashed;
    public int Count => Ops.Length;

    /// <summary>The given calls with real time ignored: all invoked first, completed calls completing after
    /// every invocation, so any order is allowed. Linearizable when the calls' outputs can be explained at all.</summary>
    public SearchProblem Unordered(IReadOnlyList<int> calls)
    {
        var sub = Subset(calls);
        for (var i = 0; i < sub.Count; i++)
        {
            sub.InvokeAt[i] = i;
            if (!sub.Crashed[i]) sub.ReturnAt[i] = sub.Count + i;
        }
        return sub;
    }

    /// <summary>A copy restricted to the given calls (kept in order), for shrinking.</summary>
    public SearchProblem Subset(IReadOnlyList<int> calls)
    {
        var n = calls.Count;
        var ops = new ModelOp[n];
        var inv = new int[n];
        var ret = new int[n];
        var crashed = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var c = calls[i];
            (ops[i], inv[i], ret[i], crashed[i]) = (Ops[c], InvokeAt[c], ReturnAt[c], Crashed[c]);
        }
        return new SearchProblem(Model, ops, inv, ret, crashed);
    }
}
