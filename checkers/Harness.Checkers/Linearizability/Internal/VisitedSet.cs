using System.Buffers;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// The cache of configurations the search has already reached: (set of linearized calls as a bitset, model
/// state). Open addressing over a flat word store, so adding a configuration allocates nothing but growth.
/// The caller supplies the hash (kept incrementally by the search: Zobrist xor of the calls, mixed with the state).
/// The arrays are rented from the shared pool and returned by <see cref="Release"/>: the keys of one check, and
/// the many small searches of witness shrinking, reuse memory that is already mapped instead of asking the
/// system for fresh pages (page faults and zeroing were a third of a kv check's processor time).
/// </summary>
internal sealed class VisitedSet
{
    private readonly int _words;
    private ulong[] _bits;
    private int[] _states;
    private ulong[] _hashes;
    private int[] _table;
    private int _capacity, _tableSize, _count;

    private readonly CacheMeter _meter;
    private long _reported;

    /// <summary><paramref name="capacity"/> (a power of two) is the starting size: small for the many tiny
    /// searches of witness shrinking, so they allocate little.</summary>
    public VisitedSet(int words, CacheMeter meter, int capacity = 1024)
    {
        _meter = meter;
        _words = words;
        _capacity = capacity;
        _tableSize = 4 * capacity;
        _bits = ArrayPool<ulong>.Shared.Rent(words * capacity);
        _states = ArrayPool<int>.Shared.Rent(capacity);
        _hashes = ArrayPool<ulong>.Shared.Rent(capacity);
        _table = RentTable(_tableSize);
        Report();
    }

    private static int[] RentTable(int size)
    {
        var table = ArrayPool<int>.Shared.Rent(size);
        Array.Clear(table, 0, size);
        return table;
    }

    /// <summary>Tells the meter the current size (call after growth, and <see cref="Release"/> when done).</summary>
    private void Report()
    {
        var now = Bytes;
        _meter.Add(now - _reported);
        _reported = now;
    }

    /// <summary>Returns the arrays to the pool; the set must not be used afterwards (except <see cref="Count"/>).</summary>
    public void Release()
    {
        _meter.Add(-_reported);
        _reported = 0;
        if (_table.Length == 0) return;
        ArrayPool<ulong>.Shared.Return(_bits);
        ArrayPool<int>.Shared.Return(_states);
        ArrayPool<ulong>.Shared.Return(_hashes);
        ArrayPool<int>.Shared.Return(_table);
        (_bits, _states, _hashes, _table) = ([], [], [], []);
    }

    public int Count => _count;

    public long Bytes => (long)_capacity * (8L * _words + 12) + 4L * _tableSize;

    /// <summary>Adds the configuration; false if it was already present.</summary>
    public bool Add(ulong[] bits, int state, ulong hash)
    {
        var mask = _tableSize - 1;
        var table = _table;
        var slot = (int)(hash ^ (hash >> 29)) & mask;
        while (true)
        {
            var entry = table[slot] - 1;
            if (entry < 0) break;
            if (_hashes[entry] == hash && _states[entry] == state &&
                _bits.AsSpan(entry * _words, _words).SequenceEqual(bits)) return false;
            slot = (slot + 1) & mask;
        }
        if (_count == _capacity) GrowStore();
        bits.AsSpan().CopyTo(_bits.AsSpan(_count * _words, _words));
        _states[_count] = state;
        _hashes[_count] = hash;
        table[slot] = ++_count;
        if (_count * 2 > _tableSize) Rehash();
        return true;
    }

    private void GrowStore()
    {
        _capacity *= 2;
        _bits = Grow(_bits, _count * _words, _capacity * _words);
        _states = Grow(_states, _count, _capacity);
        _hashes = Grow(_hashes, _count, _capacity);
        Report();
    }

    private static T[] Grow<T>(T[] old, int used, int size)
    {
        if (old.Length >= size) return old;
        var grown = ArrayPool<T>.Shared.Rent(size);
        old.AsSpan(0, used).CopyTo(grown);
        ArrayPool<T>.Shared.Return(old);
        return grown;
    }

    private void Rehash()
    {
        ArrayPool<int>.Shared.Return(_table);
        _tableSize *= 2;
        _table = RentTable(_tableSize);
        var mask = _tableSize - 1;
        for (var e = 0; e < _count; e++)
        {
            var hash = _hashes[e];
            var slot = (int)(hash ^ (hash >> 29)) & mask;
            while (_table[slot] != 0) slot = (slot + 1) & mask;
            _table[slot] = e + 1;
        }
        Report();
    }
}
