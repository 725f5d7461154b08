using Harness.Core.Generators;

namespace Harness.Workloads.Generators;

/// <summary>
/// Elle's transactions for both of its workloads: each transaction is 1..<c>maxLength</c> micro-ops, each a read
/// <c>["r", k, null]</c> or a write <c>[writeFunction, k, v]</c> with v unique per key (1, 2, 3, ...):
/// <c>"append"</c> for list-append, <c>"w"</c> for rw-register. A small pool of <c>activeKeys</c> keys is used at
/// once (contention is what exposes anomalies); a key that has taken <c>maxWritesPerKey</c> writes is retired and
/// replaced by a fresh one, keeping each key's list (or version order) short.
/// </summary>
public sealed class ElleTxnGenerator(string writeFunction, int activeKeys = 4, int maxLength = 4, int maxWritesPerKey = 32) : IGenerator
{
    private readonly List<long> _keys = Enumerable.Range(0, activeKeys).Select(i => (long)i).ToList();
    private readonly Dictionary<long, long> _writes = [];
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
            var value = _writes.GetValueOrDefault(key) + 1;
            _writes[key] = value;
            txn[i] = new object?[] { writeFunction, key, value };
            if (value >= maxWritesPerKey)
            {
                _keys[slot] = _nextKey++;
                _writes.Remove(key);
            }
        }
        return GenStep.Invoke("txn", txn);
    }
}
