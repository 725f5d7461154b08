namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// The transaction dependency graph in compressed sparse row form: the out-edges of node u are
/// <c>Targets[Offsets[u] .. Offsets[u+1])</c> with their kinds in <see cref="Kinds"/>. Parallel edges of different
/// kinds are kept as separate entries; searches filter by kind. Built once by <see cref="Builder"/> with a counting
/// sort, so construction is linear in the number of edges.
/// </summary>
internal sealed class DependencyGraph
{
    public int NodeCount { get; }
    public int[] Offsets { get; }
    public int[] Targets { get; }
    public EdgeKind[] Kinds { get; }

    private DependencyGraph(int nodes, int[] offsets, int[] targets, EdgeKind[] kinds)
    {
        NodeCount = nodes;
        Offsets = offsets;
        Targets = targets;
        Kinds = kinds;
    }

    public int EdgeCount => Targets.Length;

    /// <summary>Collects edges in any order; self-edges are dropped.</summary>
    public sealed class Builder(int nodes)
    {
        private int[] _from = new int[Math.Max(16, nodes * 2)];
        private int[] _to = new int[Math.Max(16, nodes * 2)];
        private EdgeKind[] _kind = new EdgeKind[Math.Max(16, nodes * 2)];
        private int _count;
        private readonly long[] _byKind = new long[5];

        public long CountOf(EdgeKind k) => _byKind[System.Numerics.BitOperations.Log2((uint)k)];

        public void Add(int from, int to, EdgeKind kind)
        {
            if (from == to || from < 0 || to < 0) return;
            if (_count == _from.Length)
            {
                var cap = _count * 2;
                Array.Resize(ref _from, cap);
                Array.Resize(ref _to, cap);
                Array.Resize(ref _kind, cap);
            }
            _from[_count] = from;
            _to[_count] = to;
            _kind[_count] = kind;
            _byKind[System.Numerics.BitOperations.Log2((uint)kind)]++;
            _count++;
        }

        public DependencyGraph Build()
        {
            var offsets = new int[nodes + 1];
            for (var i = 0; i < _count; i++) offsets[_from[i] + 1]++;
            for (var u = 0; u < nodes; u++) offsets[u + 1] += offsets[u];
            var fill = new int[nodes];
            Array.Copy(offsets, fill, nodes);
            var targets = new int[_count];
            var kinds = new EdgeKind[_count];
            for (var i = 0; i < _count; i++)
            {
                var at = fill[_from[i]]++;
                targets[at] = _to[i];
                kinds[at] = _kind[i];
            }
            _from = _to = [];
            _kind = [];
            return new DependencyGraph(nodes, offsets, targets, kinds);
        }
    }
}
