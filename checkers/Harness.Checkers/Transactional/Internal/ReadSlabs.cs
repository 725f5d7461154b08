namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Stores list reads in <see cref="TxnTable.ReadPool"/> once per key rather than once per read. Lists only grow,
/// so a key's reads are normally prefixes of one another: each key has a slab (a span of the pool with room to
/// grow) holding the longest list read so far. A read that is a prefix of it points into the slab; one that extends
/// it writes only the new elements (moving the slab to the end of the pool, twice as large, when it is full: the old
/// copy stays, so earlier reads still point at the right elements); one that contradicts it (an anomaly) is written
/// on its own. A 10,000,000-transaction history's reads then take about two ints per appended element instead of
/// one per element read.
/// </summary>
internal sealed class ReadSlabs
{
    private int[] _start = [];
    private int[] _length = [];
    private int[] _capacity = [];

    /// <summary>The pool offset where <paramref name="read"/> (of key <paramref name="key"/>) can be found.</summary>
    public int Place(TxnTable t, int key, ReadOnlySpan<int> read)
    {
        if (key >= _start.Length) Grow(key);
        var length = _length[key];
        var slab = t.ReadPool.AsSpan(_start[key], length);
        var common = Math.Min(length, read.Length);
        if (!read[..common].SequenceEqual(slab[..common])) return Append(t, read, read.Length);
        if (read.Length <= length) return _start[key];
        if (read.Length > _capacity[key])
        {
            var capacity = Math.Max(8, Math.Max(read.Length, _capacity[key] * 2));
            _start[key] = Append(t, read, capacity);
            _capacity[key] = capacity;
        }
        else
        {
            read[length..].CopyTo(t.ReadPool.AsSpan(_start[key] + length));
        }
        _length[key] = read.Length;
        return _start[key];
    }

    /// <summary>Copies <paramref name="read"/> to the end of the pool, reserving <paramref name="room"/> ints.</summary>
    private static int Append(TxnTable t, ReadOnlySpan<int> read, int room)
    {
        var start = t.ReadPoolCount;
        if (start + room > t.ReadPool.Length)
            Array.Resize(ref t.ReadPool, Math.Max(t.ReadPool.Length * 2, start + room));
        read.CopyTo(t.ReadPool.AsSpan(start));
        t.ReadPoolCount = start + room;
        return start;
    }

    private void Grow(int key)
    {
        var size = Math.Max(16, Math.Max(key + 1, _start.Length * 2));
        Array.Resize(ref _start, size);
        Array.Resize(ref _length, size);
        Array.Resize(ref _capacity, size);
    }
}
