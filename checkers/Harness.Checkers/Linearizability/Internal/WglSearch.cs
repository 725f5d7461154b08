using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Wing and Gong's search with Lowe's just-in-time linearization and cache (as in Porcupine). The history is a
/// doubly linked list of invocation and completion events in real-time order. Walking from the front, an
/// invocation may be linearized now if the model allows it and the resulting configuration (linearized set,
/// state) is new: it is then lifted out of the list with its completion and the walk restarts. Meeting a
/// completion means its call should already be linearized, so the search backtracks. It succeeds when every
/// completed (Ok) call is linearized: crashed calls have no completion event and may simply never happen.
/// Crashed calls with the same operation are interchangeable, so only the earliest-invoked unlinearized one
/// of such a group is tried (a symmetry cut that keeps many-crashed-writes histories tractable).
/// This is the hot loop of the checker, hence one long method over flat arrays.
/// </summary>
internal static class WglSearch
{
    public static SearchOutcome Run(SearchProblem p, SearchBudget budget)
    {
        var n = p.Count;
        int head = 2 * n, tail = 2 * n + 1;
        var next = new int[2 * n + 2];
        var prev = new int[2 * n + 2];
        Link(p, next, prev, head, tail);
        var twin = Twins(p);
        var zobrist = Zobrist(n);
        var bits = new ulong[Math.Max(1, (n + 63) / 64)];
        var visited = new VisitedSet(bits.Length);
        var stackCall = new int[n];
        var stackState = new int[n];
        var depth = 0;
        var state = p.Model.Initial;
        ulong hash = 0;
        var okLeft = p.Crashed.Count(c => !c);
        int[] deepest = [];
        int deepestState = state, blocked = -1;
        long steps = 0;
        var node = next[head];
        while (okLeft > 0)
        {
            if ((++steps & 0x3FF) == 0 && Stop(budget, visited) is { } reason)
                return new SearchOutcome(Validity.Unknown, reason, deepest, deepestState, blocked) { Steps = steps, Configurations = visited.Count };
            if ((node & 1) == 0)
            {
                var c = node >> 1;
                var t = twin[c];
                if (t < 0 || (bits[t >> 6] & (1UL << t)) != 0)
                {
                    var s2 = p.Model.Step(state, p.Ops[c]);
                    if (s2 >= 0)
                    {
                        bits[c >> 6] |= 1UL << c;
                        var h2 = hash ^ zobrist[c];
                        if (visited.Add(bits, s2, h2 ^ ((ulong)(uint)s2 * 0x9E3779B97F4A7C15UL)))
                        {
                            stackCall[depth] = c;
                            stackState[depth++] = state;
                            state = s2;
                            hash = h2;
                            Lift(next, prev, c, p.Crashed[c]);
                            if (!p.Crashed[c]) okLeft--;
                            node = next[head];
                            continue;
                        }
                        bits[c >> 6] &= ~(1UL << c);
                    }
                }
                node = next[node];
                continue;
            }
            if (blocked < 0 || depth > deepest.Length)
            {
                deepest = stackCall.AsSpan(0, depth).ToArray();
                deepestState = state;
                blocked = node >> 1;
            }
            if (depth == 0)
                return new SearchOutcome(Validity.Invalid, null, deepest, deepestState, blocked) { Steps = steps, Configurations = visited.Count };
            var back = stackCall[--depth];
            state = stackState[depth];
            bits[back >> 6] &= ~(1UL << back);
            hash ^= zobrist[back];
            Unlift(next, prev, back, p.Crashed[back]);
            if (!p.Crashed[back]) okLeft++;
            node = next[2 * back];
        }
        return new SearchOutcome(Validity.Valid, null, [], state, -1) { Steps = steps, Configurations = visited.Count };
    }

    private static string? Stop(SearchBudget budget, VisitedSet visited) =>
        budget.Exhausted() ?? (visited.Bytes > budget.MaxCacheBytes
            ? $"the search cache reached its memory cap after {visited.Count} configurations" : null);

    /// <summary>Events sorted by history position: invocation of call i is node 2i, its completion 2i+1
    /// (crashed calls have none).</summary>
    private static void Link(SearchProblem p, int[] next, int[] prev, int head, int tail)
    {
        var events = new List<(int Position, int Node)>(2 * p.Count);
        for (var i = 0; i < p.Count; i++)
        {
            events.Add((p.InvokeAt[i], 2 * i));
            if (!p.Crashed[i]) events.Add((p.ReturnAt[i], 2 * i + 1));
        }
        events.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : (a.Node & 1).CompareTo(b.Node & 1));
        var last = head;
        foreach (var (_, nodeId) in events)
        {
            next[last] = nodeId;
            prev[nodeId] = last;
            last = nodeId;
        }
        next[last] = tail;
        prev[tail] = last;
        next[tail] = -1;
    }

    private static void Lift(int[] next, int[] prev, int c, bool crashed)
    {
        int call = 2 * c, ret = 2 * c + 1;
        next[prev[call]] = next[call];
        prev[next[call]] = prev[call];
        if (crashed) return;
        next[prev[ret]] = next[ret];
        prev[next[ret]] = prev[ret];
    }

    private static void Unlift(int[] next, int[] prev, int c, bool crashed)
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
    private static int[] Twins(SearchProblem p)
    {
        var twin = new int[p.Count];
        var lastSame = new Dictionary<ModelOp, int>();
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p.InvokeAt[i]).ToArray();
        foreach (var i in order)
        {
            twin[i] = -1;
            if (!p.Crashed[i]) continue;
            if (lastSame.TryGetValue(p.Ops[i], out var before)) twin[i] = before;
            lastSame[p.Ops[i]] = i;
        }
        return twin;
    }

    private static ulong[] Zobrist(int n)
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
