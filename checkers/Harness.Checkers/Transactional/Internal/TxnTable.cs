using Harness.Core.History;

namespace Harness.Checkers.Transactional.Internal;

internal enum TxnStatus : byte { Ok, Info, Fail }

internal enum MopKind : byte { Append, Read, Write }

/// <summary>
/// The history's transactions in flat arrays (one row per transaction, one per micro-op), with keys and values
/// interned to ints. Transactions are numbered in invocation order. An Ok transaction's micro-ops come from its
/// completion (reads filled in); a failed or indeterminate one's from whatever it carried (its writes are what
/// matter: a failed write must never be seen, an indeterminate one may be). A read's <see cref="Arg"/> is a
/// register value id, or for a list read an offset into <see cref="ReadPool"/> (-1: the value is unknown).
/// </summary>
internal sealed class TxnTable
{
    public int Count;
    public TxnStatus[] Status = [];
    public int[] Process = [];
    public int[] InvokePos = [];
    public int[] CompletePos = [];
    public object?[] Value = [];
    public int[] MopStart = [0];


    public int MopCount;
    public MopKind[] Kind = [];
    public int[] Key = [];
    public int[] Arg = [];
    public int[] ReadLen = [];
    public int[] MopTxn = [];

    public int[] ReadPool = [];
    public int ReadPoolCount;

    public ValueInterner Keys { get; } = new();
    public ValueInterner Values { get; } = new();

    public long MalformedOps;

    public Core.History.History History { get; init; } = null!;

    public bool IsOk(int txn) => Status[txn] == TxnStatus.Ok;

    public bool IsFailed(int txn) => Status[txn] == TxnStatus.Fail;

    public ReadOnlySpan<int> ReadList(int mop) =>
        Arg[mop] < 0 ? ReadOnlySpan<int>.Empty : ReadPool.AsSpan(Arg[mop], ReadLen[mop]);

    public bool HasListValue(int mop) => Kind[mop] == MopKind.Read && Arg[mop] >= 0;

    /// <summary>Marks a register read whose value is unknown (the transaction did not complete Ok).</summary>
    public const int UnknownRead = int.MinValue;

    public bool HasRegisterValue(int mop) => Kind[mop] == MopKind.Read && Arg[mop] != UnknownRead;

    /// <summary>The history index users see for a transaction: its completion's, or its invocation's if none.</summary>
    public long OpIndex(int txn) =>
        History.Ops[CompletePos[txn] >= 0 ? CompletePos[txn] : InvokePos[txn]].Index;

    public string KeyText(int key) => Keys.Text(key);

    public string ValueText(int value) => Values.Text(value);

    public string ListText(ReadOnlySpan<int> values)
    {
        var sb = new System.Text.StringBuilder("[");
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            Core.History.ValueText.Append(sb, Values.ValueOf(values[i]));
        }
        return sb.Append(']').ToString();
    }

    /// <summary>The transaction as the history shows it: its micro-ops with reads filled in where known.</summary>
    public string TxnText(int txn) => Core.History.ValueText.Format(Value[txn]);
}
