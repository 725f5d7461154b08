namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Strongly connected components by Tarjan's algorithm, written with an explicit stack so a million-transaction
/// chain cannot overflow the call stack. Only edges whose kind is in the mask count, and only nodes accepted by
/// the filter take part (others get component -1). Components are numbered in reverse topological order of the
/// condensation: if component A reaches component B, then B's number is not greater than A's.
/// </summary>
internal static class SccFinder
{
    public sealed record Result(int[] Component, int ComponentCount, int[] Sizes)
    {
        public bool IsNontrivial(int node) => Component[node] >= 0 && Sizes[Component[node]] > 1;
    }

    public static Result Find(DependencyGraph g, EdgeKind mask, Func<int, bool>? include = null)
    {
        var n = g.NodeCount;
        var index = new int[n];
        var low = new int[n];
        var comp = new int[n];
        Array.Fill(index, -1);
        Array.Fill(comp, -1);
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var callNode = new int[n];
        var callEdge = new int[n];
        var sizes = new List<int>();
        var next = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0 || (include is not null && !include(root))) continue;
            var depth = 0;
            callNode[0] = root;
            callEdge[0] = g.Offsets[root];
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (depth >= 0)
            {
                var u = callNode[depth];
                var e = callEdge[depth];
                var end = g.Offsets[u + 1];
                var descended = false;
                for (; e < end; e++)
                {
                    if ((g.Kinds[e] & mask) == 0) continue;
                    var v = g.Targets[e];
                    if (include is not null && !include(v)) continue;
                    if (index[v] < 0)
                    {
                        callEdge[depth] = e + 1;
                        depth++;
                        callNode[depth] = v;
                        callEdge[depth] = g.Offsets[v];
                        index[v] = low[v] = next++;
                        stack.Push(v);
                        onStack[v] = true;
                        descended = true;
                        break;
                    }
                    if (onStack[v] && index[v] < low[u]) low[u] = index[v];
                }
                if (descended) continue;
                if (low[u] == index[u])
                {
                    var id = sizes.Count;
                    var size = 0;
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        comp[w] = id;
                        size++;
                    } while (w != u);
                    sizes.Add(size);
                }
                depth--;
                if (depth >= 0)
                {
                    var parent = callNode[depth];
                    if (low[u] < low[parent]) low[parent] = low[u];
                }
            }
        }
        return new Result(comp, sizes.Count, sizes.ToArray());
    }
}
