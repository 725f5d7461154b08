using Harness.Core.History;

namespace Harness.Checkers.Leaderless.Internal;

/// <summary>One write or read of a keyed register (<c>[key, value]</c>) with its real-time interval and the node that
/// coordinated it; <see cref="End"/> is <see cref="long.MaxValue"/> when the outcome is unknown.</summary>
internal sealed record KeyedOp(Op Invoke, Op? Completion, long Key, long? Value, long Start, long End, string? Node)
{
    public bool IsOk => Completion?.Type == OpType.Ok;
    public bool IsFail => Completion?.Type == OpType.Fail;

    /// <summary>The latest time the coordinator can have stamped this write for last-writer-wins: it stamps a write when
    /// the request arrives, so before the client saw any answer, even a 503 or a timeout (Info); unbounded only for a
    /// write that never completed. Comparing stamps, not acknowledgements, tells a value certainly older than another.</summary>
    public long StampBound => Completion?.Time ?? long.MaxValue;
}

/// <summary>Splits a keyed register history into writes and reads per key.</summary>
internal static class KeyedWrites
{
    public static (Dictionary<long, List<KeyedOp>> Writes, Dictionary<long, List<KeyedOp>> Reads) Of(History history)
    {
        var writes = new Dictionary<long, List<KeyedOp>>();
        var reads = new Dictionary<long, List<KeyedOp>>();
        foreach (var (invoke, completion) in history.Pairs())
        {
            if (invoke.IsNemesis || invoke.Type != OpType.Invoke || invoke.F is not ("write" or "read")) continue;
            var source = invoke.F == "read" && completion?.Type == OpType.Ok ? completion.Value : invoke.Value;
            if (source is not IReadOnlyList<object?> { Count: 2 } kv || kv[0] is not long key) continue;
            var value = kv[1] as long?;
            var end = completion is null || completion.Type == OpType.Info ? long.MaxValue : completion.Time;
            var op = new KeyedOp(invoke, completion, key, value, invoke.Time, end, completion?.Node ?? invoke.Node);
            var target = invoke.F == "write" ? writes : reads;
            if (!target.TryGetValue(key, out var list)) target[key] = list = [];
            list.Add(op);
        }
        return (writes, reads);
    }
}
