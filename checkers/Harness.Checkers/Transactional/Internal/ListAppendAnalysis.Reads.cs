using Harness.Core.Checking;

namespace Harness.Checkers.Transactional.Internal;

internal sealed partial class ListAppendAnalysis
{
    /// <summary>Each clean read must be a prefix of its key's order; a prefix read inherits the order's garbage and
    /// failed elements, and its last element must be its writer's final append to the key.</summary>
    private void CheckReads(AnomalyLog log)
    {
        _validRead = new bool[t.MopCount];
        for (var m = 0; m < t.MopCount; m++)
        {
            if (!_cleanRead[m]) continue;
            var k = t.Key[m];
            var read = t.ReadList(m);
            if (!read.SequenceEqual(t.ReadList(_best[k])[..read.Length]))
            {
                ReportIncompatible(log, m);
                continue;
            }
            _validRead[m] = true;
            if (read.Length > _firstGarbage[k]) ReportGarbage(log, m, _firstGarbage[k]);
            if (read.Length > _firstAborted[k]) ReportAborted(log, m, _firstAborted[k]);
            if (read.Length == 0) continue;
            var w = _orderWriter[k][read.Length - 1];
            if (w >= 0 && !_lastAppend[w] && TxnOf(w) != TxnOf(m) && !t.IsFailed(TxnOf(w))) ReportIntermediate(log, m, w);
        }
    }

    private void ReportIncompatible(AnomalyLog log, int m)
    {
        var k = t.Key[m];
        int reader = TxnOf(m), other = TxnOf(_best[k]);
        log.Add(TransactionalAnomalyKinds.IncompatibleOrder, () => new Anomaly(TransactionalAnomalyKinds.IncompatibleOrder,
            $"Op {t.OpIndex(reader)} read {t.KeyText(k)} = {t.ListText(t.ReadList(m))} and op {t.OpIndex(other)} read {t.KeyText(k)} = {t.ListText(t.ReadList(_best[k]))}: lists only grow, so one must be a prefix of the other.",
            [t.OpIndex(reader), t.OpIndex(other)]));
    }

    private void ReportGarbage(AnomalyLog log, int m, int position)
    {
        var k = t.Key[m];
        var value = t.ReadList(m)[position];
        log.Add(TransactionalAnomalyKinds.GarbageRead, () => new Anomaly(TransactionalAnomalyKinds.GarbageRead,
            $"Op {t.OpIndex(TxnOf(m))} read {t.KeyText(k)} = {t.ListText(t.ReadList(m))}, but no transaction ever appended {t.ValueText(value)} to {t.KeyText(k)}.",
            [t.OpIndex(TxnOf(m))]));
    }

    private void ReportAborted(AnomalyLog log, int m, int position)
    {
        var k = t.Key[m];
        var value = t.ReadList(m)[position];
        var writer = TxnOf(_orderWriter[k][position]);
        log.Add(TransactionalAnomalyKinds.G1a, () => new Anomaly(TransactionalAnomalyKinds.G1a,
            $"Op {t.OpIndex(TxnOf(m))} read {t.KeyText(k)} = {t.ListText(t.ReadList(m))}, which includes {t.ValueText(value)}, appended by op {t.OpIndex(writer)}, which failed (aborted read).",
            [t.OpIndex(writer), t.OpIndex(TxnOf(m))]));
    }

    private void ReportIntermediate(AnomalyLog log, int m, int writerMop)
    {
        var k = t.Key[m];
        var writer = TxnOf(writerMop);
        log.Add(TransactionalAnomalyKinds.G1b, () => new Anomaly(TransactionalAnomalyKinds.G1b,
            $"Op {t.OpIndex(TxnOf(m))} read {t.KeyText(k)} = {t.ListText(t.ReadList(m))}, ending with {t.ValueText(t.Arg[writerMop])}, but op {t.OpIndex(writer)} appended more to {t.KeyText(k)} after that: the read saw an intermediate state of {t.TxnText(writer)}.",
            [t.OpIndex(writer), t.OpIndex(TxnOf(m))]));
    }

    /// <summary>Per Ok transaction: internal consistency of its reads, future reads, external reads (wr and rw
    /// edges) and lost updates.</summary>
    private void ScanTransactions(DependencyGraph.Builder edges, AnomalyLog log)
    {
        _extRead = new bool[t.MopCount];
        var lostUpdate = new Dictionary<long, int>();
        var expected = new List<int>();
        for (var txn = 0; txn < t.Count; txn++)
        {
            if (!t.IsOk(txn)) continue;
            int start = t.MopStart[txn], end = t.MopStart[txn + 1];
            for (var m = start; m < end; m++)
            {
                if (!t.HasListValue(m)) continue;
                var external = CheckInternal(log, m, start, expected);
                CheckFutureRead(log, m, end);
                if (!external || !_validRead[m]) continue;
                _extRead[m] = true;
                AddReadEdges(edges, m);
                if (AppendsLater(m, end)) CheckLostUpdate(log, lostUpdate, m);
            }
        }
    }

    /// <summary>Compares a read with the transaction's earlier read of the key plus its own appends since. Returns
    /// true if this is the transaction's external read of the key (nothing earlier touched it).</summary>
    private bool CheckInternal(AnomalyLog log, int m, int start, List<int> expected)
    {
        var k = t.Key[m];
        expected.Clear();
        var prior = -1;
        for (var j = m - 1; j >= start && prior < 0; j--)
        {
            if (t.Key[j] != k) continue;
            if (t.Kind[j] == MopKind.Append) expected.Add(t.Arg[j]);
            else if (t.HasListValue(j)) prior = j;
        }
        if (prior < 0 && expected.Count == 0) return true;
        expected.Reverse();
        var read = t.ReadList(m);
        bool ok;
        if (prior >= 0)
        {
            expected.InsertRange(0, t.ReadList(prior).ToArray());
            ok = read.SequenceEqual(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(expected));
        }
        else
        {
            ok = read.EndsWith(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(expected));
        }
        if (!ok) ReportInternal(log, m, prior, expected.ToArray());
        return false;
    }

    private void ReportInternal(AnomalyLog log, int m, int prior, int[] expected)
    {
        var txn = TxnOf(m);
        var k = t.KeyText(t.Key[m]);
        var why = prior >= 0
            ? $"its earlier read of {k} and its own appends since imply {k} = {t.ListText(expected)}"
            : $"it had itself appended {t.ListText(expected)} to {k}, so the read should end with those";
        log.Add(TransactionalAnomalyKinds.Internal, () => new Anomaly(TransactionalAnomalyKinds.Internal,
            $"Op {t.OpIndex(txn)} {t.TxnText(txn)} read {k} = {t.ListText(t.ReadList(m))}, but {why}.",
            [t.OpIndex(txn)]));
    }

    private void CheckFutureRead(AnomalyLog log, int m, int end)
    {
        var read = t.ReadList(m);
        for (var j = m + 1; j < end; j++)
        {
            if (t.Kind[j] != MopKind.Append || t.Key[j] != t.Key[m] || !read.Contains(t.Arg[j])) continue;
            var txn = TxnOf(m);
            var value = t.Arg[j];
            log.Add(TransactionalAnomalyKinds.FutureRead, () => new Anomaly(TransactionalAnomalyKinds.FutureRead,
                $"Op {t.OpIndex(txn)} {t.TxnText(txn)} read {t.KeyText(t.Key[m])} = {t.ListText(t.ReadList(m))}, which already holds {t.ValueText(value)}, appended by the same transaction only later.",
                [t.OpIndex(txn)]));
            return;
        }
    }

    private bool AppendsLater(int m, int end)
    {
        for (var j = m + 1; j < end; j++)
            if (t.Kind[j] == MopKind.Append && t.Key[j] == t.Key[m]) return true;
        return false;
    }

    private void AddReadEdges(DependencyGraph.Builder edges, int m)
    {
        var k = t.Key[m];
        var len = t.ReadLen[m];
        var reader = TxnOf(m);
        var writers = _orderWriter[k];
        if (len > 0 && writers[len - 1] >= 0 && !t.IsFailed(TxnOf(writers[len - 1])))
            edges.Add(TxnOf(writers[len - 1]), reader, EdgeKind.WR);
        if (len < writers.Length && writers[len] >= 0 && !t.IsFailed(TxnOf(writers[len])))
            edges.Add(reader, TxnOf(writers[len]), EdgeKind.RW);
    }

    private void CheckLostUpdate(AnomalyLog log, Dictionary<long, int> seen, int m) =>
        LostUpdates.Observe(t, log, seen, Pair(t.Key[m], t.ReadLen[m]), TxnOf(m), t.Key[m], () => t.ListText(t.ReadList(m)), "appended to");

    private void AddWriteWriteEdges(DependencyGraph.Builder edges)
    {
        foreach (var writers in _orderWriter)
            for (var i = 1; i < writers.Length; i++)
            {
                int a = writers[i - 1], b = writers[i];
                if (a < 0 || b < 0 || t.IsFailed(TxnOf(a)) || t.IsFailed(TxnOf(b))) continue;
                edges.Add(TxnOf(a), TxnOf(b), EdgeKind.WW);
            }
    }
}
