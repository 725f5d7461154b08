using Harness.Core.Generators;

namespace Harness.Workloads.Generators;

/// <summary>
/// Elle's list-append transactions: each transaction is 1..<c>maxLength</c> micro-ops, each a read
/// <c>["r", k, null]</c> or an append <c>["append", k, v]</c> with v unique per key (1, 2, 3, ...). A small pool
/// of <c>activeKeys</c> keys is used at once (contention is what exposes anomalies); a key that has taken
/// <c>maxAppendsPerKey</c> appends is retired and replaced by a fresh one, keeping each key's list short.
/// </summary>
public sealed class ListAppendGenerator(int activeKeys = 4, int maxLength = 4, int maxAppendsPerKey = 32) : IGenerator
{
    private readonly List<long> _keys = Enumerable.Range(0, activeKeys).Select(i => (long)i).ToList();
    private readonly Dictionary<long, long> _appends = [];
    private long _nextKey = activeKeys;

    public GenStep Next(GenContext context)
    {
        var length = 1 + context.Random.Next(maxLength);
        var txn = new object?[length];
        for (var i = 0; i < length; i++)
        {
            var slot = context.Random.Next(_keys.Count);
            var key = _keys[slot];
            if (context.Random.Next(2) == 0)
            {
                txn[i] = new object?[] { "r", key, null };
                continue;
            }
            var value = _appends.GetValueOrDefault(key) + 1;
            _appends[key] = value;
            txn[i] = new object?[] { "append", key, value };
            if (value >= maxAppendsPerKey)
            {
                _keys[slot] = _nextKey++;
                _appends.Remove(key);
            }
        }
        return GenStep.Invoke("txn", txn);
    }
}
