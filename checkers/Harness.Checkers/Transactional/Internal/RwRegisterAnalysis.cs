using Harness.Core.Checking;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Read-write register inference (Elle's <c>rw-register</c>). Writes are unique per key, so a read names its
/// writer. Version order is only partly known: nil (the initial state) comes first, and a transaction that read
/// version u of a key and then wrote v shows u before v. Those facts form a per-key version graph; a cycle in it
/// is <c>cyclic-versions</c>. From a version edge u → v follow ww (writer of u before writer of v) and rw (every
/// external reader of u before the writer of v); a read gives wr from its writer. A nil read precedes the writers
/// of the key's first known versions (rw). Reads of failed, unwritten or intermediate values, reads that
/// contradict the transaction's own operations, future reads and lost updates are reported here.
/// </summary>
internal sealed partial class RwRegisterAnalysis(TxnTable t) : IDataAnalysis
{
    private const int NilRootEdgeCap = 4_000_000;

    private readonly Dictionary<long, int> _writerOf = new();
    private readonly Dictionary<long, int> _versionNode = new();
    private readonly List<(int Key, int Value)> _versions = new();
    private readonly HashSet<long> _versionEdges = new();
    private readonly List<(int From, int To)> _versionEdgeList = new();
    private bool[] _lastWrite = [];
    private bool[] _extRead = [];
    private bool[] _cyclicKey = [];
    private bool[] _hasPredecessor = [];
    private long _nilRootEdges;
    private bool _nilRootCapped;

    public IReadOnlyDictionary<string, object?> Stats => new Dictionary<string, object?>
    {
        ["keys"] = t.Keys.Count,
        ["versions"] = _versions.Count,
        ["version-edges"] = _versionEdgeList.Count,
        ["nil-root-edges-capped"] = _nilRootCapped,
    };

    private static long Pair(int a, int b) => ((long)a << 32) | (uint)b;

    private int TxnOf(int mop) => t.MopTxn[mop];

    private int WriterMop(int key, int value) =>
        value >= 0 && _writerOf.TryGetValue(Pair(key, value), out var m) ? m : -1;

    private int Version(int key, int value)
    {
        if (_versionNode.TryGetValue(Pair(key, value), out var id)) return id;
        _versionNode[Pair(key, value)] = id = _versions.Count;
        _versions.Add((key, value));
        return id;
    }

    public void Run(DependencyGraph.Builder edges, AnomalyLog log)
    {
        IndexWrites();
        ScanTransactions(log);
        FindCyclicVersions(log);
        AddEdges(edges);
    }

    private void IndexWrites()
    {
        _lastWrite = new bool[t.MopCount];
        for (var txn = 0; txn < t.Count; txn++)
        {
            int start = t.MopStart[txn], end = t.MopStart[txn + 1];
            for (var m = start; m < end; m++)
            {
                if (t.Kind[m] != MopKind.Write) continue;
                _writerOf.TryAdd(Pair(t.Key[m], t.Arg[m]), m);
                _lastWrite[m] = true;
                for (var later = m + 1; later < end; later++)
                    if (t.Kind[later] == MopKind.Write && t.Key[later] == t.Key[m]) { _lastWrite[m] = false; break; }
            }
        }
    }

    private void ScanTransactions(AnomalyLog log)
    {
        _extRead = new bool[t.MopCount];
        var lostUpdate = new Dictionary<long, int>();
        for (var txn = 0; txn < t.Count; txn++)
        {
            if (!t.IsOk(txn)) continue;
            int start = t.MopStart[txn], end = t.MopStart[txn + 1];
            for (var m = start; m < end; m++)
            {
                if (t.Kind[m] == MopKind.Write) { Version(t.Key[m], t.Arg[m]); continue; }
                if (!t.HasRegisterValue(m)) continue;
                CheckRead(log, m);
                if (!CheckInternal(log, m, start)) continue;
                _extRead[m] = true;
                Version(t.Key[m], t.Arg[m]);
                var w = LastWriteAfter(m, end);
                if (w < 0) continue;
                AddVersionEdge(Version(t.Key[m], t.Arg[m]), Version(t.Key[w], t.Arg[w]));
                CheckLostUpdate(log, lostUpdate, m);
            }
        }
    }

    private void AddVersionEdge(int from, int to)
    {
        if (from != to && _versionEdges.Add(Pair(from, to))) _versionEdgeList.Add((from, to));
    }

    private int LastWriteAfter(int m, int end)
    {
        for (var j = end - 1; j > m; j--)
            if (t.Kind[j] == MopKind.Write && t.Key[j] == t.Key[m]) return j;
        return -1;
    }

    /// <summary>A read of a value: it must have been written, by a transaction that did not fail, as that
    /// transaction's final write of the key.</summary>
    private void CheckRead(AnomalyLog log, int m)
    {
        int k = t.Key[m], v = t.Arg[m], reader = TxnOf(m);
        if (v < 0) return;
        var w = WriterMop(k, v);
        string? kind = null, why = null;
        if (w < 0) (kind, why) = (TransactionalAnomalyKinds.GarbageRead, "no transaction ever wrote that value");
        else if (TxnOf(w) == reader) return;
        else if (t.IsFailed(TxnOf(w))) (kind, why) = (TransactionalAnomalyKinds.G1a, $"it was written by op {t.OpIndex(TxnOf(w))}, which failed (aborted read)");
        else if (!_lastWrite[w]) (kind, why) = (TransactionalAnomalyKinds.G1b, $"op {t.OpIndex(TxnOf(w))} {t.TxnText(TxnOf(w))} overwrote it before committing (intermediate read)");
        if (kind is null) return;
        long[] ops = w < 0 ? [t.OpIndex(reader)] : [t.OpIndex(TxnOf(w)), t.OpIndex(reader)];
        log.Add(kind, () => new Anomaly(kind, $"Op {t.OpIndex(reader)} read {t.KeyText(k)} = {t.ValueText(v)}, but {why}.", ops));
    }
}
