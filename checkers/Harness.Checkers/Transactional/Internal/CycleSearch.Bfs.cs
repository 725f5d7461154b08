using System.Diagnostics;

namespace Harness.Checkers.Transactional.Internal;

internal sealed partial class CycleSearch
{
    /// <summary>Tries every start edge of the spec's kind, keeping the shortest simple cycle of the right shape,
    /// until a two-transaction cycle (the shortest there is) turns up or the component's budget runs out; then
    /// the best found so far is the answer, and <paramref name="timedOut"/> says the search was cut short.</summary>
    private FoundCycle? SearchComponent(CycleSpec spec, List<int> members, int[] comp, out bool timedOut)
    {
        timedOut = false;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < members.Count; i++) _localOf[members[i]] = i;
        var c = comp[members[0]];
        var bfs = new BfsBuffers(members.Count);
        FoundCycle? best = null;
        foreach (var a in members)
            for (var e = g.Offsets[a]; e < g.Offsets[a + 1]; e++)
            {
                if (g.Kinds[e] != spec.Start || comp[g.Targets[e]] != c) continue;
                if (watch.Elapsed >= componentBudget || OutOfTime()) { timedOut = true; return best; }
                var found = Bfs(spec, a, g.Targets[e], members, comp, c, bfs, watch, best?.Nodes.Length ?? int.MaxValue);
                if (found is null || (best is not null && found.Nodes.Length >= best.Nodes.Length)) continue;
                best = found;
                if (best.Nodes.Length <= 2) return best;
            }
        timedOut = watch.Elapsed > componentBudget;
        return best;
    }

    private sealed class BfsBuffers(int members)
    {
        public readonly int[] Stamp = new int[members * CycleSpec.States];
        public readonly int[] Parent = new int[members * CycleSpec.States];
        public readonly int[] ParentEdge = new int[members * CycleSpec.States];
        public readonly int[] Length = new int[members * CycleSpec.States];
        public readonly Queue<int> Queue = new();
        public int Generation;
    }

    /// <summary>Breadth-first from b back to a; <c>Length</c> counts the edges walked including the start edge
    /// a → b. Only cycles shorter than <paramref name="shorterThan"/> are of interest.</summary>
    private FoundCycle? Bfs(CycleSpec spec, int a, int b, List<int> members, int[] comp, int c, BfsBuffers buf, Stopwatch watch, int shorterThan)
    {
        var gen = ++buf.Generation;
        var q = buf.Queue;
        q.Clear();
        var first = _localOf[b] * CycleSpec.States + spec.Initial(spec.Start);
        buf.Stamp[first] = gen;
        buf.Parent[first] = -1;
        buf.Length[first] = 1;
        q.Enqueue(first);
        var steps = 0;
        while (q.Count > 0)
        {
            if ((++steps & 1023) == 0 && watch.Elapsed > componentBudget) return null;
            var cur = q.Dequeue();
            if (buf.Length[cur] + 1 >= shorterThan) return null;
            var u = members[cur / CycleSpec.States];
            var s = cur % CycleSpec.States;
            for (var e = g.Offsets[u]; e < g.Offsets[u + 1]; e++)
            {
                var v = g.Targets[e];
                if (comp[v] != c) continue;
                var next = spec.Step(s, g.Kinds[e]);
                if (next < 0) continue;
                var id = _localOf[v] * CycleSpec.States + next;
                if (buf.Stamp[id] == gen) continue;
                buf.Stamp[id] = gen;
                buf.Parent[id] = cur;
                buf.ParentEdge[id] = e;
                buf.Length[id] = buf.Length[cur] + 1;
                if (v == a)
                {
                    if (!spec.Accepts(next)) continue;
                    var cycle = Reconstruct(spec, a, id, members, buf);
                    if (cycle is not null) return cycle;
                    continue;
                }
                q.Enqueue(id);
            }
        }
        return null;
    }

    /// <summary>Walks parent links back from the closing state to b, then puts the start edge a → b first. Returns
    /// null if the walk repeats a transaction (not a simple cycle, so its shape is not trustworthy).</summary>
    private FoundCycle? Reconstruct(CycleSpec spec, int a, int endId, List<int> members, BfsBuffers buf)
    {
        var nodes = new List<int>();
        var kinds = new List<EdgeKind>();
        for (var id = endId; buf.Parent[id] >= 0; id = buf.Parent[id])
        {
            kinds.Add(g.Kinds[buf.ParentEdge[id]]);
            nodes.Add(members[buf.Parent[id] / CycleSpec.States]);
        }
        nodes.Add(a);
        kinds.Add(spec.Start);
        nodes.Reverse();
        kinds.Reverse();
        return nodes.Distinct().Count() == nodes.Count ? new FoundCycle(spec.Name, nodes.ToArray(), kinds.ToArray()) : null;
    }
}
