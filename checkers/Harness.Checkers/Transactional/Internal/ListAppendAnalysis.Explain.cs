namespace Harness.Checkers.Transactional.Internal;

internal sealed partial class ListAppendAnalysis
{
    public string? ExplainEdge(int from, int to, EdgeKind kind, Func<int, string> name) => kind switch
    {
        EdgeKind.WW => ExplainWrite(from, to, name),
        EdgeKind.WR => ExplainRead(from, to, name),
        EdgeKind.RW => ExplainAntiDependency(from, to, name),
        _ => null,
    };

    private string? ExplainWrite(int from, int to, Func<int, string> name)
    {
        for (var m = t.MopStart[to]; m < t.MopStart[to + 1]; m++)
        {
            if (t.Kind[m] != MopKind.Append) continue;
            var k = t.Key[m];
            var p = Array.IndexOf(_orderWriter[k], m);
            if (p <= 0 || _orderWriter[k][p - 1] < 0 || TxnOf(_orderWriter[k][p - 1]) != from) continue;
            var order = t.ReadList(_best[k]);
            return $"{name(from)} appended {t.ValueText(order[p - 1])} to {t.KeyText(k)} and {name(to)} appended {t.ValueText(order[p])} directly after it (version order {t.ListText(order)}), so {name(from)} precedes {name(to)} (ww)";
        }
        return null;
    }

    private string? ExplainRead(int from, int to, Func<int, string> name)
    {
        for (var m = t.MopStart[to]; m < t.MopStart[to + 1]; m++)
        {
            if (!_extRead[m] || t.ReadLen[m] == 0) continue;
            var k = t.Key[m];
            var w = _orderWriter[k][t.ReadLen[m] - 1];
            if (w < 0 || TxnOf(w) != from) continue;
            return $"{name(to)} read {t.KeyText(k)} = {t.ListText(t.ReadList(m))}, which ends with {name(from)}'s append of {t.ValueText(t.Arg[w])}, so {name(from)} precedes {name(to)} (wr)";
        }
        return null;
    }

    private string? ExplainAntiDependency(int from, int to, Func<int, string> name)
    {
        for (var m = t.MopStart[from]; m < t.MopStart[from + 1]; m++)
        {
            if (!_extRead[m]) continue;
            var k = t.Key[m];
            var len = t.ReadLen[m];
            if (len >= _orderWriter[k].Length) continue;
            var w = _orderWriter[k][len];
            if (w < 0 || TxnOf(w) != to) continue;
            return $"{name(from)} read {t.KeyText(k)} = {t.ListText(t.ReadList(m))}, which does not include {name(to)}'s append of {t.ValueText(t.Arg[w])} (the next element of {t.KeyText(k)}), so {name(from)} precedes {name(to)} (rw)";
        }
        return null;
    }
}
