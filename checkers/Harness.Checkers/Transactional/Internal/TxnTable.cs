using Harness.Core.History;

namespace Harness.Checkers.Transactional.Internal;

internal enum TxnStatus : byte { Ok, Info, Fail }

internal enum MopKind : byte { Append, Read, Write }

/// <summary>
/// The history's transactions in flat arrays (one row per transaction, one per micro-op), with keys and values
/// interned to ints: the lean form the analyses work on, built by <see cref="TxnTableBuilder"/> without holding
/// the history. Transactions are numbered in invocation order. An Ok transaction's micro-ops come from its
/// completion (reads filled in); a failed or indeterminate one's from whatever it carried (its writes are what
/// matter: a failed write must never be seen, an indeterminate one may be). A read's <see cref="Arg"/> is a
/// register value id, or for a list read an offset into <see cref="ReadPool"/> (-1: the value is unknown).
/// <see cref="Events"/> is the history's order of invocations and completions, for realtime edges.
/// </summary>
internal sealed class TxnTable
{
    /// <summary><see cref="CompleteIndex"/> of a transaction that never completed.</summary>
    public const long NoCompletion = long.MinValue;

    public int Count;
    public TxnStatus[] Status = [];
    public int[] Process = [];
    public long[] InvokeIndex = [];
    public long[] CompleteIndex = [];

    /// <summary>The transaction's value as the history holds it, where its text cannot be rebuilt from the
    /// micro-ops (or always, when read from a whole history); null otherwise.</summary>
    public object?[] Value = [];

    public int[] MopStart = [0];

    /// <summary>Transaction <c>t</c>'s invocation is <c>2t</c>, its completion <c>2t + 1</c>, in history order.</summary>
    public int[] Events = [];
    public int EventCount;

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

    public bool IsOk(int txn) => Status[txn] == TxnStatus.Ok;

    public bool IsFailed(int txn) => Status[txn] == TxnStatus.Fail;

    public ReadOnlySpan<int> ReadList(int mop) =>
        Arg[mop] < 0 ? ReadOnlySpan<int>.Empty : ReadPool.AsSpan(Arg[mop], ReadLen[mop]);

    public bool HasListValue(int mop) => Kind[mop] == MopKind.Read && Arg[mop] >= 0;

    /// <summary>Marks a register read whose value is unknown (the transaction did not complete Ok).</summary>
    public const int UnknownRead = int.MinValue;

    public bool HasRegisterValue(int mop) => Kind[mop] == MopKind.Read && Arg[mop] != UnknownRead;

    /// <summary>The history index users see for a transaction: its completion's, or its invocation's if none.</summary>
    public long OpIndex(int txn) => CompleteIndex[txn] != NoCompletion ? CompleteIndex[txn] : InvokeIndex[txn];

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
    public string TxnText(int txn) => Core.History.ValueText.Format(Value[txn] ?? Rebuild(txn));

    /// <summary>The micro-ops as they were read (the builder keeps the original value whenever this would differ).</summary>
    private object?[] Rebuild(int txn)
    {
        var mops = new object?[MopStart[txn + 1] - MopStart[txn]];
        for (var m = MopStart[txn]; m < MopStart[txn + 1]; m++)
        {
            object? arg = Kind[m] switch
            {
                MopKind.Append or MopKind.Write => Values.ValueOf(Arg[m]),
                _ when ListReads => Arg[m] < 0 ? null : ListValues(m),
                _ => Arg[m] == UnknownRead ? null : Values.ValueOf(Arg[m]),
            };
            mops[m - MopStart[txn]] = new object?[] { KindName(Kind[m]), Keys.ValueOf(Key[m]), arg };
        }
        return mops;
    }

    /// <summary>Set by the builder: whether reads are lists (list-append) or single values (rw-register).</summary>
    public bool ListReads;

    private object?[] ListValues(int m)
    {
        var read = ReadList(m);
        var items = new object?[read.Length];
        for (var i = 0; i < read.Length; i++) items[i] = Values.ValueOf(read[i]);
        return items;
    }

    private static string KindName(MopKind k) => k switch { MopKind.Append => "append", MopKind.Write => "w", _ => "r" };
}
