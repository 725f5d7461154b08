namespace Harness.Checkers.Linearizability.Internal;

/// <summary>A map from a non-negative long (two ints packed) to an int, by open addressing over flat arrays: a
/// kv search memoises millions of appends, and a <see cref="Dictionary{TKey,TValue}"/> entry costs three times
/// the memory and a resize that copies every entry with its bookkeeping.</summary>
internal sealed class PairTable
{
    private long[] _keys = new long[64];
    private int[] _values = new int[64];
    private int _count;

    /// <summary>The value stored for <paramref name="key"/>, or -1.</summary>
    public int Get(long key)
    {
        var keys = _keys;
        var mask = keys.Length - 1;
        for (var slot = Slot(key, mask); ; slot = (slot + 1) & mask)
        {
            var k = keys[slot];
            if (k == key + 1) return _values[slot];
            if (k == 0) return -1;
        }
    }

    /// <summary>Stores <paramref name="value"/> for a key that is not present yet.</summary>
    public void Add(long key, int value)
    {
        if (2 * (_count + 1) > _keys.Length) Grow();
        Insert(_keys, _values, key + 1, value);
        _count++;
    }

    private static int Slot(long key, int mask) => (int)(((ulong)(key + 1) * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private static void Insert(long[] keys, int[] values, long stored, int value)
    {
        var mask = keys.Length - 1;
        var slot = Slot(stored - 1, mask);
        while (keys[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = stored;
        values[slot] = value;
    }

    private void Grow()
    {
        var keys = new long[_keys.Length * 2];
        var values = new int[keys.Length];
        for (var i = 0; i < _keys.Length; i++)
            if (_keys[i] != 0) Insert(keys, values, _keys[i], _values[i]);
        (_keys, _values) = (keys, values);
    }
}
