namespace Harness.Checkers.Transactional.Internal;

internal sealed partial class TxnTableBuilder
{
    /// <summary>Removes the transactions whose value was not a list, keeping the others' order.</summary>
    private void DropMalformed()
    {
        if (_dropped.Count == 0) return;
        var gone = new HashSet<int>(_dropped);
        var map = new int[_t.Count];
        var n = 0;
        for (var old = 0; old < _t.Count; old++)
        {
            if (gone.Contains(old)) { map[old] = -1; continue; }
            map[old] = n;
            _t.Status[n] = _t.Status[old];
            _t.Process[n] = _t.Process[old];
            _t.InvokeIndex[n] = _t.InvokeIndex[old];
            _t.CompleteIndex[n] = _t.CompleteIndex[old];
            _t.Value[n] = _t.Value[old];
            n++;
        }
        _t.Count = n;
        var kept = 0;
        for (var i = 0; i < _t.EventCount; i++)
        {
            var e = _t.Events[i];
            if (map[e >> 1] >= 0) _t.Events[kept++] = map[e >> 1] * 2 + (e & 1);
        }
        _t.EventCount = kept;
        for (var m = 0; m < _t.MopCount; m++) _t.MopTxn[m] = map[_t.MopTxn[m]];
    }

    /// <summary>Puts the micro-ops in transaction order (a stable counting sort: each transaction's own micro-ops
    /// were recorded together, in their order) and fills <see cref="TxnTable.MopStart"/>.</summary>
    private void SortMops()
    {
        var t = _t;
        t.MopStart = new int[t.Count + 1];
        var sorted = true;
        for (var m = 0; m < t.MopCount; m++)
        {
            t.MopStart[t.MopTxn[m] + 1]++;
            if (m > 0 && t.MopTxn[m] < t.MopTxn[m - 1]) sorted = false;
        }
        for (var i = 0; i < t.Count; i++) t.MopStart[i + 1] += t.MopStart[i];
        if (sorted) return;
        var fill = new int[t.Count];
        Array.Copy(t.MopStart, fill, t.Count);
        var at = new int[t.MopCount];
        for (var m = 0; m < t.MopCount; m++) at[m] = fill[t.MopTxn[m]]++;
        t.Kind = Scatter(t.Kind, at, t.MopCount);
        t.Key = Scatter(t.Key, at, t.MopCount);
        t.Arg = Scatter(t.Arg, at, t.MopCount);
        t.ReadLen = Scatter(t.ReadLen, at, t.MopCount);
        t.MopTxn = Scatter(t.MopTxn, at, t.MopCount);
    }

    private static T[] Scatter<T>(T[] source, int[] at, int count)
    {
        var target = new T[count];
        for (var i = 0; i < count; i++) target[at[i]] = source[i];
        return target;
    }

    /// <summary>Numbers keys in order of first use in transaction order, as reading the whole history in that order
    /// would (analyses walk keys by number). Keys seen only in malformed micro-ops come last.</summary>
    private void NumberKeysByFirstUse()
    {
        var t = _t;
        var map = new int[t.Keys.Count];
        Array.Fill(map, -1);
        var next = 0;
        var identity = true;
        for (var m = 0; m < t.MopCount; m++)
        {
            var k = t.Key[m];
            if (map[k] >= 0) continue;
            identity &= k == next;
            map[k] = next++;
        }
        for (var k = 0; k < map.Length; k++)
            if (map[k] < 0) { identity &= k == next; map[k] = next++; }
        if (identity) return;
        for (var m = 0; m < t.MopCount; m++) t.Key[m] = map[t.Key[m]];
        t.Keys.Permute(map);
    }
}
