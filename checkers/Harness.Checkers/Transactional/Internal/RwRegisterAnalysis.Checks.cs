using Harness.Core.Checking;

namespace Harness.Checkers.Transactional.Internal;

internal sealed partial class RwRegisterAnalysis
{
    /// <summary>Compares a read with the transaction's own latest write or read of the key; reports a future read.
    /// Returns true if this is the transaction's external read of the key.</summary>
    private bool CheckInternal(AnomalyLog log, int m, int start)
    {
        int k = t.Key[m], v = t.Arg[m], txn = TxnOf(m);
        for (var j = m - 1; j >= start; j--)
        {
            if (t.Key[j] != k || (t.Kind[j] == MopKind.Read && !t.HasRegisterValue(j))) continue;
            if (t.Arg[j] != v)
            {
                var what = t.Kind[j] == MopKind.Write ? "wrote" : "read";
                log.Add(TransactionalAnomalyKinds.Internal, () => new Anomaly(TransactionalAnomalyKinds.Internal,
                    $"Op {t.OpIndex(txn)} {t.TxnText(txn)} {what} {t.KeyText(k)} = {t.ValueText(t.Arg[j])} and then read {t.KeyText(k)} = {t.ValueText(v)}.",
                    [t.OpIndex(txn)]));
            }
            return false;
        }
        var w = WriterMop(k, v);
        if (w > m && TxnOf(w) == txn)
        {
            log.Add(TransactionalAnomalyKinds.FutureRead, () => new Anomaly(TransactionalAnomalyKinds.FutureRead,
                $"Op {t.OpIndex(txn)} {t.TxnText(txn)} read {t.KeyText(k)} = {t.ValueText(v)} before writing that value itself.",
                [t.OpIndex(txn)]));
        }
        return true;
    }

    private void CheckLostUpdate(AnomalyLog log, Dictionary<long, int> seen, int m) =>
        LostUpdates.Observe(t, log, seen, Pair(t.Key[m], t.Arg[m]), TxnOf(m), t.Key[m], () => t.ValueText(t.Arg[m]), "wrote");

    private void FindCyclicVersions(AnomalyLog log)
    {
        var builder = new DependencyGraph.Builder(_versions.Count);
        foreach (var (from, to) in _versionEdgeList) builder.Add(from, to, EdgeKind.WW);
        var graph = builder.Build();
        var scc = SccFinder.Find(graph, EdgeKind.WW);
        _cyclicKey = new bool[t.Keys.Count];
        _hasPredecessor = new bool[_versions.Count];
        foreach (var (_, to) in _versionEdgeList) _hasPredecessor[to] = true;
        var reported = new HashSet<int>();
        for (var v = 0; v < _versions.Count; v++)
        {
            if (!scc.IsNontrivial(v)) continue;
            var key = _versions[v].Key;
            _cyclicKey[key] = true;
            if (!reported.Add(scc.Component[v])) continue;
            var members = Enumerable.Range(0, _versions.Count).Where(x => scc.Component[x] == scc.Component[v]).ToList();
            log.Add(TransactionalAnomalyKinds.CyclicVersions, () => new Anomaly(TransactionalAnomalyKinds.CyclicVersions,
                $"The versions of {t.KeyText(key)} ({string.Join(", ", members.Select(x => t.ValueText(_versions[x].Value)))}) were each read and then overwritten in a cycle, so no version order exists.",
                WitnessesOf(members)));
        }
    }

    private long[] WitnessesOf(List<int> versions) => versions
        .Select(v => WriterMop(_versions[v].Key, _versions[v].Value))
        .Where(w => w >= 0).Select(w => t.OpIndex(TxnOf(w))).Distinct().ToArray();
}
