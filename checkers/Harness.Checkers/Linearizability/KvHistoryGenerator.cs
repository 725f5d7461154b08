using Harness.Core.History;

namespace Harness.Checkers.Linearizability;

/// <summary>
/// Makes a large linearizable kv history for benchmarks: <paramref name="processes"/> clients issue get / put /
/// append on [key value] over <c>keys</c> keys (a seeded random schedule). A real in-memory store applies each
/// operation at a random moment between its invocation and its completion, so the history is linearizable by
/// construction and operations genuinely overlap.
/// </summary>
public static class KvHistoryGenerator
{
    public static List<Op> Generate(int operations, int keys, int seed, int processes = 50)
    {
        var random = new Random(seed);
        var store = new string[keys];
        Array.Fill(store, "");
        var phase = new int[processes]; // 0 idle, 1 invoked, 2 applied
        var pending = new (string F, long Key, string? Value)[processes];
        var ops = new List<Op>(operations * 2);
        int invoked = 0, open = 0;
        long sequence = 0;
        while (invoked < operations || open > 0)
        {
            var p = random.Next(processes);
            switch (phase[p])
            {
                case 0 when invoked < operations:
                    var roll = random.Next(4);
                    var f = roll < 2 ? "get" : roll == 2 ? "put" : "append";
                    long key = random.Next(keys);
                    var value = f == "get" ? null : $"x{p}.{sequence++} ";
                    pending[p] = (f, key, value);
                    ops.Add(new Op(ops.Count, ops.Count, OpType.Invoke, p, f, new object?[] { key, value }));
                    (phase[p], invoked, open) = (1, invoked + 1, open + 1);
                    break;
                case 1:
                    var (fn, k, v) = pending[p];
                    if (fn == "get") pending[p] = (fn, k, store[k]);
                    else store[k] = fn == "put" ? v! : store[k] + v;
                    phase[p] = 2;
                    break;
                case 2:
                    ops.Add(new Op(ops.Count, ops.Count, OpType.Ok, p, pending[p].F, new object?[] { pending[p].Key, pending[p].Value }));
                    (phase[p], open) = (0, open - 1);
                    break;
            }
        }
        return ops;
    }
}
