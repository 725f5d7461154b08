using Harness.Core.Generators;

namespace Harness.Workloads.Generators;

/// <summary>
/// Read / write / compare-and-set on one register at a time, Jepsen's "independent keys": after
/// <c>opsPerKey</c> operations the generator moves to a fresh key, so each key's history stays small enough for
/// the linearizability search. A generator may own every <paramref name="keyStride"/>-th key from
/// <paramref name="firstKey"/>, so several can run side by side on disjoint keys. Values are <c>[key, v]</c>; written values are unique per key (1, 2, 3, ...) so a
/// stale read can be pinned to the write it saw. A cas compares against one of the last few values written; without
/// <c>cas</c> (a store that has none) those turns are writes. <paramref name="readTenths"/> of every ten operations are
/// reads (4 by default; a read-heavy mix leaves a key unwritten for longer, so a replica that missed a write is read
/// before the next write repairs it), the next three writes, the rest cas.
/// </summary>
public sealed class RegisterGenerator(int opsPerKey, long firstKey = 0, long keyStride = 1, bool cas = true, int readTenths = 4) : IGenerator
{
    private long _key = firstKey;
    private int _opsOnKey;
    private long _nextValue = 1;
    private readonly List<long> _recent = [];

    public GenStep Next(GenContext context)
    {
        if (_opsOnKey >= opsPerKey)
        {
            _key += keyStride;
            _opsOnKey = 0;
            _nextValue = 1;
            _recent.Clear();
        }
        _opsOnKey++;
        var roll = context.Random.Next(10);
        if (roll < readTenths) return GenStep.Invoke("read", new object?[] { _key, null });
        var value = _nextValue++;
        if (roll < readTenths + 3 || _recent.Count == 0 || !cas)
        {
            Remember(value);
            return GenStep.Invoke("write", new object?[] { _key, value });
        }
        var expected = _recent[context.Random.Next(_recent.Count)];
        Remember(value);
        return GenStep.Invoke("cas", new object?[] { _key, new object?[] { expected, value } });
    }

    private void Remember(long value)
    {
        _recent.Add(value);
        if (_recent.Count > 3) _recent.RemoveAt(0);
    }
}
