using Harness.Core.History;

namespace Harness.Checkers.Transactional.Internal;

internal sealed partial class TxnTableBuilder
{
    /// <summary>Records a transaction's micro-ops (a value that is not a list drops the transaction).</summary>
    private void AddMops(int txn, object? value, bool readsKnown)
    {
        if (value is not IReadOnlyList<object?> list)
        {
            _t.MalformedOps++;
            _dropped.Add(txn);
            return;
        }
        var exact = true;
        for (var i = 0; i < list.Count; i++)
            if (!AddMop(txn, list[i], readsKnown, ref exact)) { _t.MalformedOps++; exact = false; }
        if (_keepValues || !exact) _t.Value[txn] = value;
    }

    private bool AddMop(int txn, object? item, bool readsKnown, ref bool exact)
    {
        if (item is not IReadOnlyList<object?> { Count: 3 } mop) return false;
        MopKind kind;
        switch (Name(mop[0], ref exact))
        {
            case "append": kind = MopKind.Append; break;
            case "r": kind = MopKind.Read; break;
            case "w": kind = MopKind.Write; break;
            default: return false;
        }
        var m = _t.MopCount;
        if (m >= _t.Kind.Length) ResizeMops(_t.Kind.Length * 2);
        exact &= Plain(mop[1]);
        _t.Kind[m] = kind;
        _t.Key[m] = _t.Keys.Intern(mop[1]);
        _t.MopTxn[m] = txn;
        _t.ReadLen[m] = 0;
        var arg = mop[2];
        if (kind != MopKind.Read)
        {
            exact &= arg is null || Plain(arg);
            _t.Arg[m] = _t.Values.Intern(arg);
        }
        else if (!readsKnown)
        {
            exact &= arg is null;
            _t.Arg[m] = _t.ListReads ? -1 : TxnTable.UnknownRead;
        }
        else if (!_t.ListReads)
        {
            exact &= arg is null || Plain(arg);
            _t.Arg[m] = _t.Values.Intern(arg);
        }
        else if (arg is IReadOnlyList<object?> values) AddList(m, values, ref exact);
        else if (arg is null)
        {
            exact = false; // a missing key reads as nil: the empty list
            AddList(m, [], ref exact);
        }
        else return false;
        _t.MopCount = m + 1;
        return true;
    }

    private void AddList(int m, IReadOnlyList<object?> values, ref bool exact)
    {
        _scratch.Clear();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v is long l) _scratch.Add(_t.Values.InternLong(l));
            else
            {
                exact &= v is null || Plain(v);
                _scratch.Add(_t.Values.Intern(v));
            }
        }
        _t.Arg[m] = _slabs.Place(_t, _t.Key[m], System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_scratch));
        _t.ReadLen[m] = values.Count;
    }

    /// <summary>Values whose text survives interning unchanged.</summary>
    private static bool Plain(object? v) => v is long or string;

    private static string? Name(object? f, ref bool exact)
    {
        switch (f)
        {
            case "append" or "r" or "w": return (string)f;
            case string s:
                exact = false;
                return s.StartsWith(':') ? s[1..] : s;
            case Keyword k:
                exact = false;
                return k.Name;
            default: return null;
        }
    }
}
