namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// The cache of configurations the search has already reached: (set of linearized calls as a bitset, model
/// state). Open addressing over a flat word store, so adding a configuration allocates nothing but growth.
/// The caller supplies the hash (kept incrementally by the search: Zobrist xor of the calls, mixed with the state).
/// </summary>
internal sealed class VisitedSet
{
    private readonly int _words;
    private ulong[] _bits;
    private int[] _states;
    private ulong[] _hashes;
    private int[] _table;
    private int _count;

    private readonly CacheMeter _meter;
    private long _reported;

    /// <summary><paramref name="capacity"/> (a power of two) is the starting size: small for the many tiny
    /// searches of witness shrinking, so they allocate little.</summary>
    public VisitedSet(int words, CacheMeter meter, int capacity = 1024)
    {
        _meter = meter;
        _words = words;
        _bits = new ulong[words * capacity];
        _states = new int[capacity];
        _hashes = new ulong[capacity];
        _table = new int[4 * capacity];
        Report();
    }

    /// <summary>Tells the meter the current size (call after growth, and <see cref="Release"/> when done).</summary>
    private void Report()
    {
        var now = Bytes;
        _meter.Add(now - _reported);
        _reported = now;
    }

    public void Release()
    {
        _meter.Add(-_reported);
        _reported = 0;
    }

    public int Count => _count;

    public long Bytes => (long)_bits.Length * 8 + (long)_states.Length * 12 + (long)_table.Length * 4;

    /// <summary>Adds the configuration; false if it was already present.</summary>
    public bool Add(ulong[] bits, int state, ulong hash)
    {
        var mask = _table.Length - 1;
        var slot = (int)(hash ^ (hash >> 29)) & mask;
        while (true)
        {
            var entry = _table[slot] - 1;
            if (entry < 0) break;
            if (_hashes[entry] == hash && _states[entry] == state &&
                _bits.AsSpan(entry * _words, _words).SequenceEqual(bits)) return false;
            slot = (slot + 1) & mask;
        }
        if (_count == _states.Length) GrowStore();
        bits.AsSpan().CopyTo(_bits.AsSpan(_count * _words, _words));
        _states[_count] = state;
        _hashes[_count] = hash;
        _table[slot] = ++_count;
        if (_count * 2 > _table.Length) Rehash();
        return true;
    }

    private void GrowStore()
    {
        Array.Resize(ref _bits, _bits.Length * 2);
        Array.Resize(ref _states, _states.Length * 2);
        Array.Resize(ref _hashes, _hashes.Length * 2);
        Report();
    }

    private void Rehash()
    {
        _table = new int[_table.Length * 2];
        var mask = _table.Length - 1;
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
