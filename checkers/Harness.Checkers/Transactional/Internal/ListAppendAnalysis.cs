using Harness.Core.Checking;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// List-append inference (Elle's <c>list-append</c>). Every append to a key is unique, so a read of a list names
/// the writer of each element and, as lists only grow, every read must be a prefix of the longest read of its key:
/// that longest read is the key's version order. Consecutive elements give ww edges; a transaction's first read of
/// a key (before its own appends: an external read) gives a wr edge from the writer of its last element and an rw
/// edge to the writer of the element after it. Reads that are not prefixes, hold duplicates, or show failed,
/// unknown or intermediate appends are reported here; the same transaction's reads are checked against its own
/// operations (internal, future-read). Hot paths work on the interned int arrays of <see cref="TxnTable"/>.
/// </summary>
internal sealed partial class ListAppendAnalysis(TxnTable t) : IDataAnalysis
{
    private Dictionary<long, int> _writerOf = new();
    private bool[] _lastAppend = [];
    private bool[] _cleanRead = [];
    private bool[] _validRead = [];
    private bool[] _extRead = [];
    private int[] _best = [];
    private int[][] _orderWriter = [];
    private int[] _firstAborted = [];
    private int[] _firstGarbage = [];
    private long _duplicateAppends;

    public IReadOnlyDictionary<string, object?> Stats => new Dictionary<string, object?>
    {
        ["keys"] = t.Keys.Count,
        ["duplicate-appends"] = _duplicateAppends,
    };

    private static long Pair(int key, int value) => ((long)key << 32) | (uint)value;

    private int TxnOf(int mop) => t.MopTxn[mop];

    public void Run(DependencyGraph.Builder edges, AnomalyLog log)
    {
        IndexAppends();
        MarkCleanReads();
        ChooseOrders(log);
        CheckReads(log);
        ScanTransactions(edges, log);
        AddWriteWriteEdges(edges);
    }

    private void IndexAppends()
    {
        _lastAppend = new bool[t.MopCount];
        var appends = 0;
        for (var m = 0; m < t.MopCount; m++) if (t.Kind[m] == MopKind.Append) appends++;
        _writerOf = new Dictionary<long, int>(appends);
        for (var txn = 0; txn < t.Count; txn++)
        {
            int start = t.MopStart[txn], end = t.MopStart[txn + 1];
            for (var m = start; m < end; m++)
            {
                if (t.Kind[m] != MopKind.Append) continue;
                if (!_writerOf.TryAdd(Pair(t.Key[m], t.Arg[m]), m)) _duplicateAppends++;
                _lastAppend[m] = true;
                for (var later = m + 1; later < end; later++)
                    if (t.Kind[later] == MopKind.Append && t.Key[later] == t.Key[m]) { _lastAppend[m] = false; break; }
            }
        }
    }

    /// <summary>A clean read is an Ok read of a key the transaction had not yet appended to: it shows committed
    /// state only. Reads after the transaction's own appends are checked against those appends (internal), never
    /// used to infer the version order, as under weak isolation they mix committed and uncommitted elements.</summary>
    private void MarkCleanReads()
    {
        _cleanRead = new bool[t.MopCount];
        for (var txn = 0; txn < t.Count; txn++)
        {
            if (!t.IsOk(txn)) continue;
            int start = t.MopStart[txn], end = t.MopStart[txn + 1];
            for (var m = start; m < end; m++)
            {
                if (!t.HasListValue(m)) continue;
                _cleanRead[m] = true;
                for (var j = start; j < m && _cleanRead[m]; j++)
                    if (t.Kind[j] == MopKind.Append && t.Key[j] == t.Key[m]) _cleanRead[m] = false;
            }
        }
    }

    private int WriterMop(int key, int value) => _writerOf.TryGetValue(Pair(key, value), out var m) ? m : -1;

    /// <summary>Picks each key's longest Ok read as its version order and checks it for duplicates, garbage and
    /// failed appends.</summary>
    private void ChooseOrders(AnomalyLog log)
    {
        var keys = t.Keys.Count;
        _best = new int[keys];
        Array.Fill(_best, -1);
        for (var m = 0; m < t.MopCount; m++)
        {
            if (!_cleanRead[m]) continue;
            var k = t.Key[m];
            if (_best[k] < 0 || t.ReadLen[m] > t.ReadLen[_best[k]]) _best[k] = m;
        }
        _orderWriter = new int[keys][];
        _firstAborted = new int[keys];
        _firstGarbage = new int[keys];
        var stamp = new int[t.Values.Count];
        for (var k = 0; k < keys; k++)
        {
            _firstAborted[k] = _firstGarbage[k] = int.MaxValue;
            if (_best[k] < 0) { _orderWriter[k] = []; continue; }
            var order = t.ReadList(_best[k]);
            var writers = new int[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                var w = writers[i] = WriterMop(k, order[i]);
                if (w < 0) _firstGarbage[k] = Math.Min(_firstGarbage[k], i);
                else if (t.IsFailed(TxnOf(w))) _firstAborted[k] = Math.Min(_firstAborted[k], i);
                if (stamp[order[i]] == k + 1) ReportDuplicate(log, k, order[i]);
                stamp[order[i]] = k + 1;
            }
            _orderWriter[k] = writers;
            CheckDirtyUpdate(log, k);
        }
    }

    private void ReportDuplicate(AnomalyLog log, int key, int value)
    {
        var reader = TxnOf(_best[key]);
        log.Add(TransactionalAnomalyKinds.DuplicateElements, () => new Anomaly(TransactionalAnomalyKinds.DuplicateElements,
            $"Op {t.OpIndex(reader)} read {t.KeyText(key)} = {t.ListText(t.ReadList(_best[key]))}, which holds {t.ValueText(value)} more than once, though every append is unique.",
            [t.OpIndex(reader)]));
    }

    private void CheckDirtyUpdate(AnomalyLog log, int key)
    {
        var first = _firstAborted[key];
        var writers = _orderWriter[key];
        for (var i = first == int.MaxValue ? writers.Length : first + 1; i < writers.Length; i++)
        {
            if (writers[i] < 0 || t.IsFailed(TxnOf(writers[i]))) continue;
            int aborted = TxnOf(writers[first]), later = TxnOf(writers[i]);
            var best = _best[key];
            var at = i;
            log.Add(TransactionalAnomalyKinds.DirtyUpdate, () => new Anomaly(TransactionalAnomalyKinds.DirtyUpdate,
                $"Op {t.OpIndex(later)} appended {t.ValueText(t.ReadList(best)[at])} to {t.KeyText(key)} after the append of {t.ValueText(t.ReadList(best)[first])} by op {t.OpIndex(aborted)}, which failed: the version order {t.ListText(t.ReadList(best))} builds a committed write on an aborted one.",
                [t.OpIndex(aborted), t.OpIndex(later)]));
            return;
        }
    }
}
