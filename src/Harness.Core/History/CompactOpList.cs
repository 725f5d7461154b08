namespace Harness.Core.History;

/// <summary>
/// A long history held by columns rather than one <see cref="Op"/> object per entry: time, process, type, the ids of
/// its operation name, node and error in one string table, and a reference to its value (values are shared by the
/// reader, see <see cref="Formats.CompactHistoryReader"/>). An entry costs about 33 bytes instead of an
/// <see cref="Op"/>'s 80; the index is stored only where it differs from the position. Reading an entry builds its
/// <see cref="Op"/> afresh (a short-lived object), so two reads of one position are equal, not the same object.
/// Columns grow in fixed chunks, so a growing history never copies (or briefly doubles) what it holds.
/// </summary>
public sealed class CompactOpList : IReadOnlyList<Op>
{
    private const int Shift = 14;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;
    private readonly List<Chunk> _chunks = [];
    private readonly List<string?> _strings = [null];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public Op this[int position]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Count);
            var c = _chunks[position >> Shift];
            var j = position & Mask;
            return new Op(c.Index?[j] ?? position, c.Time[j], (OpType)c.Type[j], c.Process[j], _strings[c.F[j]]!, c.Value[j],
                _strings[c.Node[j]], _strings[c.Error[j]]);
        }
    }

    /// <summary>Appends <paramref name="op"/> (its strings go into the table; its value is kept by reference).</summary>
    public void Add(Op op)
    {
        if ((Count & Mask) == 0) _chunks.Add(new Chunk());
        var c = _chunks[^1];
        var j = Count & Mask;
        if (op.Index != Count) (c.Index ??= Positions(Count - j))[j] = op.Index;
        c.Time[j] = op.Time;
        c.Type[j] = (byte)op.Type;
        c.Process[j] = op.Process;
        c.F[j] = Id(op.F);
        c.Node[j] = Id(op.Node);
        c.Error[j] = Id(op.Error);
        c.Value[j] = op.Value;
        Count++;
    }

    /// <summary>Returns the shared copy of <paramref name="s"/> (each distinct string is held once).</summary>
    public string? Share(string? s) => _strings[Id(s)];

    public IEnumerator<Op> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private int Id(string? s)
    {
        if (s is null) return 0;
        if (_ids.TryGetValue(s, out var id)) return id;
        id = _strings.Count;
        _strings.Add(s);
        _ids[s] = id;
        return id;
    }

    private static long[] Positions(int first)
    {
        var index = new long[ChunkSize];
        for (var i = 0; i < ChunkSize; i++) index[i] = first + i;
        return index;
    }

    private sealed class Chunk
    {
        public long[]? Index;
        public readonly long[] Time = new long[ChunkSize];
        public readonly byte[] Type = new byte[ChunkSize];
        public readonly int[] Process = new int[ChunkSize];
        public readonly int[] F = new int[ChunkSize];
        public readonly int[] Node = new int[ChunkSize];
        public readonly int[] Error = new int[ChunkSize];
        public readonly object?[] Value = new object?[ChunkSize];
    }
}
