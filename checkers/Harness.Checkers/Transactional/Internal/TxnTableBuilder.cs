using Harness.Core.History;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Builds a <see cref="TxnTable"/> from a history's operations as they stream past, in history order, holding only
/// the open transactions' invocation values: a history of any length is never held whole. An invocation is paired
/// with the next completion on its process, as <see cref="Core.History.History.Of"/> pairs them. Micro-ops are
/// recorded when a transaction completes, so <see cref="Finish"/> sorts them back into invocation order and numbers
/// keys by first appearance in that order, which makes the table (and every answer built on it) identical to one
/// read from the whole history. Never throws on bad data: a malformed operation or micro-op is skipped and counted.
/// </summary>
internal sealed partial class TxnTableBuilder
{
    private readonly TxnTable _t = new();
    private readonly bool _keepValues;
    private readonly Dictionary<int, (int Txn, object? Value)> _open = new();
    private readonly List<int> _dropped = new();
    private readonly List<int> _scratch = new();
    private readonly ReadSlabs _slabs = new();

    /// <param name="listReads">list-append (a read is a list) rather than rw-register.</param>
    /// <param name="keepValues">keep every transaction's value for explanations (the caller holds the history
    /// anyway); otherwise only those whose text the micro-ops cannot rebuild exactly.</param>
    public TxnTableBuilder(bool listReads, bool keepValues, int expectedTxns = 16)
    {
        _t.ListReads = listReads;
        _keepValues = keepValues;
        var cap = Math.Max(16, expectedTxns);
        ResizeTxns(cap);
        ResizeMops(cap * 3);
        _t.ReadPool = new int[cap * 4];
        _t.Events = new int[cap * 2];
        _t.Values.Reserve(expectedTxns + expectedTxns / 4);
    }

    public static TxnTable Read(Core.History.History history, bool listReads)
    {
        var b = new TxnTableBuilder(listReads, keepValues: true, history.Count / 2);
        foreach (var op in history.Ops) b.Add(op);
        return b.Finish();
    }

    public void Add(Op op)
    {
        if (op.IsNemesis) return;
        if (op.Type == OpType.Invoke)
        {
            if (op.F is not ("txn" or ":txn")) { _open[op.Process] = (-1, null); return; }
            var n = _t.Count;
            if (n + 1 >= _t.Status.Length) ResizeTxns(_t.Status.Length * 2);
            _t.Status[n] = TxnStatus.Info;
            _t.Process[n] = op.Process;
            _t.InvokeIndex[n] = op.Index;
            _t.CompleteIndex[n] = TxnTable.NoCompletion;
            _t.Count = n + 1;
            AddEvent(2 * n);
            _open[op.Process] = (n, op.Value);
            return;
        }
        if (!_open.Remove(op.Process, out var open) || open.Txn < 0) return;
        var status = op.Type switch { OpType.Ok => TxnStatus.Ok, OpType.Fail => TxnStatus.Fail, _ => TxnStatus.Info };
        _t.Status[open.Txn] = status;
        _t.CompleteIndex[open.Txn] = op.Index;
        AddEvent(2 * open.Txn + 1);
        AddMops(open.Txn, status == TxnStatus.Ok || op.Value is IReadOnlyList<object?> ? op.Value : open.Value, status == TxnStatus.Ok);
    }

    public TxnTable Finish()
    {
        foreach (var (_, open) in _open.OrderBy(kv => kv.Value.Txn))
            if (open.Txn >= 0) AddMops(open.Txn, open.Value, readsKnown: false);
        _open.Clear();
        DropMalformed();
        SortMops();
        NumberKeysByFirstUse();
        return _t;
    }

    private void AddEvent(int e)
    {
        if (_t.EventCount == _t.Events.Length) Array.Resize(ref _t.Events, _t.Events.Length * 2);
        _t.Events[_t.EventCount++] = e;
    }

    private void ResizeTxns(int cap)
    {
        Array.Resize(ref _t.Status, cap);
        Array.Resize(ref _t.Process, cap);
        Array.Resize(ref _t.InvokeIndex, cap);
        Array.Resize(ref _t.CompleteIndex, cap);
        Array.Resize(ref _t.Value, cap);
    }

    private void ResizeMops(int cap)
    {
        Array.Resize(ref _t.Kind, cap);
        Array.Resize(ref _t.Key, cap);
        Array.Resize(ref _t.Arg, cap);
        Array.Resize(ref _t.ReadLen, cap);
        Array.Resize(ref _t.MopTxn, cap);
    }
}
