using Harness.Core.History;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Generates list-append histories from an in-memory store that runs each transaction atomically at its
/// completion, so the history is strict serializable. Clients interleave (one invoked, another completing), keys
/// rotate like Elle's generator (a key is retired after a fixed number of appends and a fresh one takes its slot), so
/// lists stay short. Appended values and keys are boxed once and shared, and consecutive reads of an unchanged list
/// share one array, and a retired key's list is dropped once no open transaction uses it, so a 10,000,000-transaction history
/// streams through (<see cref="Stream"/>) in little memory.
/// </summary>
internal sealed class SerializableListAppendStore(int seed, int clients, int activeKeys, int maxAppendsPerKey)
{
    private readonly Random _rng = new(seed);
    private readonly Dictionary<long, List<object?>> _lists = new();
    private readonly Dictionary<long, object> _boxedKeys = new();
    private readonly Dictionary<long, object?[]> _snapshots = new();
    private readonly Dictionary<long, int> _openUses = new();
    private readonly long[] _slots = Enumerable.Range(0, activeKeys).Select(i => (long)i).ToArray();
    private long _nextKey = activeKeys;
    private long _nextValue = 1;

    public List<Op> Generate(int transactions) => Stream(transactions).ToList();

    /// <summary>The history one operation at a time, so a consumer need not hold it.</summary>
    public IEnumerable<Op> Stream(int transactions)
    {
        long position = 0;
        var open = new object?[]?[clients];
        var started = 0;
        var running = 0;
        while (started < transactions || running > 0)
        {
            var c = _rng.Next(clients);
            if (open[c] is null)
            {
                if (started >= transactions) continue;
                started++;
                running++;
                open[c] = NewTxn();
                yield return new Op(position, position * 1000L, OpType.Invoke, c, "txn", open[c]);
                position++;
            }
            else
            {
                yield return new Op(position, position * 1000L, OpType.Ok, c, "txn", Apply(open[c]!));
                position++;
                open[c] = null;
                running--;
            }
        }
    }

    private object?[] NewTxn()
    {
        var mops = new object?[_rng.Next(1, 5)];
        for (var i = 0; i < mops.Length; i++)
        {
            var slot = _rng.Next(_slots.Length);
            var key = _slots[slot];
            _openUses[key] = _openUses.GetValueOrDefault(key) + 1;
            if (_rng.Next(2) == 0)
            {
                mops[i] = new object?[] { "r", Box(key), null };
                continue;
            }
            mops[i] = new object?[] { "append", Box(key), _nextValue++ };
            if (!_lists.TryGetValue(key, out var list)) _lists[key] = list = new List<object?>();
            if (list.Count + CountPending(mops, i, key) >= maxAppendsPerKey) _slots[slot] = _nextKey++;
            if (_slots[slot] != key) _boxedKeys.Remove(key);
        }
        return mops;
    }

    /// <summary>A retired key that no open transaction uses is forgotten, so memory stays flat however long the
    /// history.</summary>
    private void Release(long key)
    {
        if (--_openUses[key] > 0 || Array.IndexOf(_slots, key) >= 0) return;
        _openUses.Remove(key);
        _lists.Remove(key);
        _snapshots.Remove(key);
    }

    private object Box(long key)
    {
        if (!_boxedKeys.TryGetValue(key, out var boxed)) _boxedKeys[key] = boxed = key;
        return boxed;
    }

    private static int CountPending(object?[] mops, int upTo, long key)
    {
        var n = 0;
        for (var i = 0; i <= upTo; i++)
            if (mops[i] is object?[] { } m && m[0] is "append" && (long)m[1]! == key) n++;
        return n;
    }

    private object?[] Apply(object?[] mops)
    {
        var done = new object?[mops.Length];
        for (var i = 0; i < mops.Length; i++)
        {
            var m = (object?[])mops[i]!;
            var key = (long)m[1]!;
            if (!_lists.TryGetValue(key, out var list)) _lists[key] = list = new List<object?>();
            if (m[0] is "append")
            {
                list.Add(m[2]);
                _snapshots.Remove(key);
                done[i] = m;
            }
            else
            {
                if (!_snapshots.TryGetValue(key, out var snapshot)) _snapshots[key] = snapshot = list.ToArray();
                done[i] = new object?[] { "r", m[1], snapshot };
            }
            Release(key);
        }
        return done;
    }
}
