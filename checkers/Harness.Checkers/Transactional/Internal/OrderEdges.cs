namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Process and realtime edges. A client runs one transaction at a time, so its Ok transaction precedes its next
/// one (process). A transaction that completed Ok before another was invoked precedes it (realtime). Only Ok
/// transactions lead anywhere: an indeterminate one may take effect long after it returned. Realtime edges are
/// kept near-linear in number with a frontier: the completed transactions not yet known to precede a later
/// completed one. An invocation gets an edge from each frontier member; a completion retires every member that was
/// in the frontier when it was invoked (they now reach later transactions through it) — that is always a prefix of
/// the frontier in completion order, so the frontier is a queue.
/// </summary>
internal static class OrderEdges
{
    public static void Add(TxnTable t, DependencyGraph.Builder edges)
    {
        AddProcessEdges(t, edges);
        AddRealtimeEdges(t, edges);
    }

    private static void AddProcessEdges(TxnTable t, DependencyGraph.Builder edges)
    {
        var last = new Dictionary<int, int>();
        for (var txn = 0; txn < t.Count; txn++)
        {
            if (t.IsFailed(txn)) continue;
            if (last.TryGetValue(t.Process[txn], out var prior) && t.IsOk(prior)) edges.Add(prior, txn, EdgeKind.Process);
            last[t.Process[txn]] = txn;
        }
    }

    private static void AddRealtimeEdges(TxnTable t, DependencyGraph.Builder edges)
    {
        var frontier = new int[t.Count + 1];
        int head = 0, tail = 0;
        var tailAtInvoke = new int[t.Count];
        for (var i = 0; i < t.EventCount; i++)
        {
            var e = t.Events[i];
            var txn = e >> 1;
            if (t.IsFailed(txn)) continue;
            if ((e & 1) == 0)
            {
                for (var j = head; j < tail; j++) edges.Add(frontier[j], txn, EdgeKind.Realtime);
                tailAtInvoke[txn] = tail;
            }
            else if (t.IsOk(txn))
            {
                head = Math.Max(head, tailAtInvoke[txn]);
                frontier[tail++] = txn;
            }
        }
    }
}
