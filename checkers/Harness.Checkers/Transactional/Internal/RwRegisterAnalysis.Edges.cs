namespace Harness.Checkers.Transactional.Internal;

internal sealed partial class RwRegisterAnalysis
{
    private List<int>[] _readersOf = [];

    private int WriterTxn(int version)
    {
        var (k, v) = _versions[version];
        var w = WriterMop(k, v);
        return w < 0 || t.IsFailed(TxnOf(w)) ? -1 : TxnOf(w);
    }

    private void AddEdges(DependencyGraph.Builder edges)
    {
        _readersOf = new List<int>[_versions.Count];
        for (var m = 0; m < t.MopCount; m++)
        {
            if (!_extRead[m]) continue;
            var node = _versionNode[Pair(t.Key[m], t.Arg[m])];
            (_readersOf[node] ??= new List<int>()).Add(TxnOf(m));
            if (t.Arg[m] >= 0 && WriterTxn(node) is var w and >= 0) edges.Add(w, TxnOf(m), EdgeKind.WR);
        }
        foreach (var (from, to) in _versionEdgeList)
        {
            if (_cyclicKey[_versions[to].Key]) continue;
            var next = WriterTxn(to);
            if (next < 0) continue;
            if (_versions[from].Value >= 0) edges.Add(WriterTxn(from), next, EdgeKind.WW);
            foreach (var reader in _readersOf[from] ?? []) edges.Add(reader, next, EdgeKind.RW);
        }
        AddNilRootEdges(edges);
    }

    /// <summary>Nil is every key's first version, so a nil reader precedes the writers of the versions with no
    /// known predecessor (later versions follow through ww). Capped, as blind writes could make this quadratic.</summary>
    private void AddNilRootEdges(DependencyGraph.Builder edges)
    {
        var roots = new Dictionary<int, List<int>>();
        for (var v = 0; v < _versions.Count; v++)
        {
            var (k, value) = _versions[v];
            if (value < 0 || _hasPredecessor.Length <= v || _hasPredecessor[v] || _cyclicKey[k] || WriterTxn(v) < 0) continue;
            if (!roots.TryGetValue(k, out var list)) roots[k] = list = new List<int>();
            list.Add(WriterTxn(v));
        }
        foreach (var (k, writers) in roots)
        {
            if (!_versionNode.TryGetValue(Pair(k, ValueInterner.Nil), out var nil) || _readersOf[nil] is not { } readers) continue;
            foreach (var reader in readers)
                foreach (var writer in writers)
                {
                    if (++_nilRootEdges > NilRootEdgeCap) { _nilRootCapped = true; return; }
                    edges.Add(reader, writer, EdgeKind.RW);
                }
        }
    }

    public string? ExplainEdge(int from, int to, EdgeKind kind, Func<int, string> name)
    {
        for (var m = t.MopStart[kind == EdgeKind.RW ? from : to]; m < t.MopStart[(kind == EdgeKind.RW ? from : to) + 1]; m++)
        {
            if (!_extRead[m]) continue;
            int k = t.Key[m], v = t.Arg[m];
            var key = t.KeyText(k);
            var node = _versionNode[Pair(k, v)];
            if (kind == EdgeKind.WR && v >= 0 && WriterTxn(node) == from)
                return $"{name(to)} read {key} = {t.ValueText(v)}, which {name(from)} wrote, so {name(from)} precedes {name(to)} (wr)";
            var w = LastWriteAfter(m, t.MopStart[to + 1]);
            if (kind == EdgeKind.WW && v >= 0 && w >= 0 && WriterTxn(node) == from)
                return $"{name(to)} read {key} = {t.ValueText(v)}, which {name(from)} wrote, and then overwrote it with {t.ValueText(t.Arg[w])}, so {name(from)}'s version came first (ww)";
            if (kind == EdgeKind.RW && ExplainAntiDependency(m, to, name(from), name(to)) is { } s) return s;
        }
        return null;
    }

    private string? ExplainAntiDependency(int readMop, int writer, string readerName, string writerName)
    {
        int k = t.Key[readMop], u = t.Arg[readMop];
        var from = _versionNode[Pair(k, u)];
        for (var m = t.MopStart[writer]; m < t.MopStart[writer + 1]; m++)
        {
            if (t.Kind[m] != MopKind.Write || t.Key[m] != k || !_lastWrite[m]) continue;
            if (!_versionNode.TryGetValue(Pair(k, t.Arg[m]), out var to)) continue;
            var known = _versionEdges.Contains(Pair(from, to)) || (u < 0 && !_hasPredecessor[to]);
            if (!known) continue;
            return $"{readerName} read {t.KeyText(k)} = {t.ValueText(u)}, a version that {writerName}'s write of {t.ValueText(t.Arg[m])} came after, so {readerName} precedes {writerName} (rw)";
        }
        return null;
    }
}
