namespace Harness.Checkers.Linearizability.Internal;

/// <summary>The event list and tables <see cref="WglSearch"/> walks: a doubly linked list over node numbers
/// (invocation of call i is node 2i, its completion 2i+1; crashed calls have none), its lift / unlift
/// (dancing links: unlift restores exactly what lift removed), crashed-call twins and Zobrist hash keys.</summary>
internal static class SearchSetup
{
    public static void Link(SearchProblem p, int[] next, int[] prev, int head, int tail)
    {
        var events = new List<(int Position, int Node)>(2 * p.Count);
        for (var i = 0; i < p.Count; i++)
        {
            events.Add((p.InvokeAt[i], 2 * i));
            if (!p.Crashed[i]) events.Add((p.ReturnAt[i], 2 * i + 1));
        }
        events.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : (a.Node & 1).CompareTo(b.Node & 1));
        var last = head;
        foreach (var (_, node) in events)
        {
            next[last] = node;
            prev[node] = last;
            last = node;
        }
        next[last] = tail;
        prev[tail] = last;
        next[tail] = -1;
    }

    public static void Lift(int[] next, int[] prev, int c, bool crashed)
    {
        int call = 2 * c, ret = 2 * c + 1;
        next[prev[call]] = next[call];
        prev[next[call]] = prev[call];
        if (crashed) return;
        next[prev[ret]] = next[ret];
        prev[next[ret]] = prev[ret];
    }

    public static void Unlift(int[] next, int[] prev, int c, bool crashed)
    {
        int call = 2 * c, ret = 2 * c + 1;
        if (!crashed)
        {
            next[prev[ret]] = ret;
            prev[next[ret]] = ret;
        }
        next[prev[call]] = call;
        prev[next[call]] = call;
    }

    /// <summary>For each crashed call, the previous crashed call with the same operation (or -1).</summary>
    public static int[] Twins(SearchProblem p)
    {
        var twin = new int[p.Count];
        var lastSame = new Dictionary<ModelOp, int>();
        foreach (var i in Enumerable.Range(0, p.Count).OrderBy(i => p.InvokeAt[i]))
        {
            twin[i] = -1;
            if (!p.Crashed[i]) continue;
            if (lastSame.TryGetValue(p.Ops[i], out var before)) twin[i] = before;
            lastSame[p.Ops[i]] = i;
        }
        return twin;
    }

    public static ulong[] Zobrist(int n)
    {
        var z = new ulong[n];
        ulong x = 0x2545F4914F6CDD1DUL;
        for (var i = 0; i < n; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            z[i] = x * 0x9E3779B97F4A7C15UL;
        }
        return z;
    }
}
