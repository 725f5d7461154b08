using Harness.Core.History;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>Builds a <see cref="TxnTable"/> from a history's "txn" operations. Never throws on bad data: a
/// malformed operation or micro-op is skipped and counted.</summary>
internal static class TxnTableReader
{
    public static TxnTable Read(Core.History.History history, bool listReads)
    {
        var ops = history.Ops;
        var t = new TxnTable { History = history };
        var cap = Math.Max(16, ops.Count / 2);
        Array.Resize(ref t.Status, cap);
        Array.Resize(ref t.Process, cap);
        Array.Resize(ref t.InvokePos, cap);
        Array.Resize(ref t.CompletePos, cap);
        Array.Resize(ref t.Value, cap);
        Array.Resize(ref t.MopStart, cap + 1);
        var mops = new MopBuffer(t, cap * 3);
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.Type != OpType.Invoke || op.IsNemesis || !IsTxn(op.F)) continue;
            var partner = history.PartnerOf(i);
            var done = partner >= 0 ? ops[partner] : null;
            var status = done?.Type switch { OpType.Ok => TxnStatus.Ok, OpType.Fail => TxnStatus.Fail, _ => TxnStatus.Info };
            var value = status == TxnStatus.Ok || done?.Value is IReadOnlyList<object?> ? done!.Value : op.Value;
            if (value is not IReadOnlyList<object?> list) { t.MalformedOps++; continue; }
            var n = t.Count;
            if (n + 1 >= t.Status.Length) Grow(t);
            t.Status[n] = status;
            t.Process[n] = op.Process;
            t.InvokePos[n] = i;
            t.CompletePos[n] = partner;
            t.Value[n] = value;
            foreach (var item in list)
                if (!mops.Add(n, item, status == TxnStatus.Ok, listReads)) t.MalformedOps++;
            t.Count = n + 1;
            t.MopStart[n + 1] = t.MopCount;
        }
        return t;
    }

    private static bool IsTxn(string f) => f is "txn" or ":txn";

    private static void Grow(TxnTable t)
    {
        var cap = t.Status.Length * 2;
        Array.Resize(ref t.Status, cap);
        Array.Resize(ref t.Process, cap);
        Array.Resize(ref t.InvokePos, cap);
        Array.Resize(ref t.CompletePos, cap);
        Array.Resize(ref t.Value, cap);
        Array.Resize(ref t.MopStart, cap + 1);
    }

    /// <summary>Appends micro-ops to the table's flat arrays, growing them as needed.</summary>
    private sealed class MopBuffer
    {
        private readonly TxnTable _t;

        public MopBuffer(TxnTable t, int capacity)
        {
            _t = t;
            Resize(capacity);
            _t.ReadPool = new int[capacity * 2];
        }

        private void Resize(int cap)
        {
            Array.Resize(ref _t.Kind, cap);
            Array.Resize(ref _t.Key, cap);
            Array.Resize(ref _t.Arg, cap);
            Array.Resize(ref _t.ReadLen, cap);
            Array.Resize(ref _t.MopTxn, cap);
        }

        public bool Add(int txn, object? item, bool readsKnown, bool listReads)
        {
            if (item is not IReadOnlyList<object?> { Count: 3 } mop) return false;
            MopKind kind;
            switch (Name(mop[0]))
            {
                case "append": kind = MopKind.Append; break;
                case "r": kind = MopKind.Read; break;
                case "w": kind = MopKind.Write; break;
                default: return false;
            }
            var m = _t.MopCount;
            if (m >= _t.Kind.Length) Resize(_t.Kind.Length * 2);
            _t.Kind[m] = kind;
            _t.Key[m] = _t.Keys.Intern(mop[1]);
            _t.MopTxn[m] = txn;
            _t.ReadLen[m] = 0;
            if (kind != MopKind.Read) _t.Arg[m] = _t.Values.Intern(mop[2]);
            else if (!readsKnown) _t.Arg[m] = listReads ? -1 : TxnTable.UnknownRead;
            else if (!listReads) _t.Arg[m] = _t.Values.Intern(mop[2]);
            else if (mop[2] is IReadOnlyList<object?> values) AddList(m, values);
            else if (mop[2] is null) AddList(m, []); // a missing key reads as nil: the empty list
            else return false;
            _t.MopCount = m + 1;
            return true;
        }

        private void AddList(int m, IReadOnlyList<object?> values)
        {
            var start = _t.ReadPoolCount;
            if (start + values.Count > _t.ReadPool.Length)
                Array.Resize(ref _t.ReadPool, Math.Max(_t.ReadPool.Length * 2, start + values.Count));
            for (var i = 0; i < values.Count; i++) _t.ReadPool[start + i] = _t.Values.Intern(values[i]);
            _t.ReadPoolCount = start + values.Count;
            _t.Arg[m] = start;
            _t.ReadLen[m] = values.Count;
        }

        private static string? Name(object? f) => f switch
        {
            string s => s.StartsWith(':') ? s[1..] : s,
            Keyword k => k.Name,
            _ => null,
        };
    }
}
