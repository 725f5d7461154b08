using Harness.Checkers.Transactional;
using Harness.Core.History;
using static Harness.Checkers.Tests.Transactional.TxnHistoryBuilder;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>
/// A fixed, seeded set of transactional histories for checking that a change to the checker's representation leaves
/// its answers alone: the hand-made anomaly cases (each alone, and injected on fresh keys into a generated
/// 2,000-transaction serializable history), generated histories with a read mutated (a stale read, two elements
/// swapped), and simulated databases at four isolation levels, for list-append and rw-register.
/// </summary>
public static class EquivalenceHistories
{
    public sealed record Named(string Name, History History, string Workload);

    public static IEnumerable<Named> All()
    {
        foreach (var c in ListAppendAnomalyTests.Cases())
        {
            yield return new("case " + c.Anomaly, Concurrent(c.Txns), TransactionalChecker.ListAppend);
            yield return new("sequential " + c.Anomaly, Sequential(c.Txns), TransactionalChecker.ListAppend);
            yield return new("injected " + c.Anomaly, Inject(ElleBenchmark.GenerateListAppend(2000, 11), Concurrent(c.Txns)), TransactionalChecker.ListAppend);
        }
        for (var seed = 1; seed <= 3; seed++)
        {
            yield return new("stale read " + seed, Mutate(ElleBenchmark.GenerateListAppend(2000, seed), seed, swap: false), TransactionalChecker.ListAppend);
            yield return new("swapped read " + seed, Mutate(ElleBenchmark.GenerateListAppend(2000, seed), seed, swap: true), TransactionalChecker.ListAppend);
        }
        foreach (var isolation in Enum.GetValues<SimulatedIsolation>())
            for (var seed = 0; seed < 12; seed++)
            {
                yield return new($"{isolation} list-append {seed}", SimulatedClients.Run(new SimulatedDatabase(isolation), seed, 40, false), TransactionalChecker.ListAppend);
                yield return new($"{isolation} rw-register {seed}", SimulatedClients.Run(new SimulatedDatabase(isolation), seed, 40, true), TransactionalChecker.RwRegister);
            }
    }

    /// <summary>The small history's operations after the big one's, on processes and keys of their own.</summary>
    private static History Inject(History big, History small)
    {
        var ops = big.Ops.ToList();
        foreach (var op in small.Ops)
            ops.Add(op with { Index = ops.Count, Time = ops.Count * 1000L, Process = op.Process + 1000, Value = Rekey(op.Value) });
        return History.Of(ops);
    }

    private static object? Rekey(object? value) => value is IReadOnlyList<object?> mops
        ? mops.Select(m => m is IReadOnlyList<object?> { Count: 3 } mop ? (object?)new object?[] { mop[0], "inj-" + mop[1], mop[2] } : m).ToArray()
        : value;

    /// <summary>Changes one Ok read of at least two elements in the middle of the history: drops its last element
    /// (a stale read) or swaps its last two (an order no other read shows).</summary>
    private static History Mutate(History h, int seed, bool swap)
    {
        var ops = h.Ops.ToList();
        var rng = new Random(seed);
        for (var tries = 0; tries < 10_000; tries++)
        {
            var i = ops.Count / 4 + rng.Next(ops.Count / 2);
            if (ops[i].Type != OpType.Ok || ops[i].Value is not IReadOnlyList<object?> mops) continue;
            for (var j = 0; j < mops.Count; j++)
            {
                if (mops[j] is not IReadOnlyList<object?> { Count: 3 } mop || mop[0] is not "r" || mop[2] is not IReadOnlyList<object?> { Count: >= 2 } read) continue;
                var list = read.ToList();
                if (swap) (list[^1], list[^2]) = (list[^2], list[^1]);
                else list.RemoveAt(list.Count - 1);
                var copy = mops.ToArray();
                copy[j] = new object?[] { mop[0], mop[1], list.ToArray() };
                ops[i] = ops[i] with { Value = copy };
                return History.Of(ops);
            }
        }
        throw new InvalidOperationException("no read to mutate");
    }
}
