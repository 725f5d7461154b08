using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>A witness is truthful (not linearizable on its own, judged by the brute-force reference), names the
/// victim (the call the checker says cannot be placed), is explicable when the history is (its values can be
/// explained once real time is ignored), and is 1-minimal: without any one of its other calls it is
/// linearizable, or breaks one of those rules.</summary>
public class WitnessTests
{
    private static readonly LinearizabilityOptions Register = new() { Model = "cas-register", InitialValue = "nil", Parallel = false };

    [TestCase(11, 1500)]
    [TestCase(12, 1500)]
    public void RandomWitnessesAreTruthfulMinimalAndNameTheVictim(int seed, int count)
    {
        var random = new Random(seed);
        var checker = new LinearizabilityChecker(Register);
        int invalid = 0, victimNeeded = 0, explicableHistories = 0;
        for (var i = 0; i < count; i++)
        {
            var history = RandomHistories.Make(random, random.Next(2, 10), 3);
            var result = checker.Check(history, CheckContext.Default);
            if (result.Validity != Validity.Invalid) continue;
            invalid++;
            var anomaly = result.Anomalies.Single();
            var alone = WitnessHistories.Alone(history, anomaly.OpIndices);
            var victim = WitnessHistories.Victim(anomaly);
            string Show() => $"history {i}:\n{string.Join("\n", history.Ops)}\nwitness: {string.Join(", ", anomaly.OpIndices)}\n{anomaly.Explanation}";
            Assert.That(BruteForceRegisterChecker.IsLinearizable(alone, null), Is.False, Show);
            Assert.That(victim, Is.Not.Empty.And.SubsetOf(anomaly.OpIndices), Show);
            var isExplicable = Linearizable(WitnessHistories.Timeless(alone));
            if (Linearizable(WitnessHistories.Timeless(history)))
            {
                explicableHistories++;
                Assert.That(isExplicable, Is.True, () => "explicable history, inexplicable witness: " + Show());
            }
            var needsVictim = Linearizable(WitnessHistories.Alone(history, anomaly.OpIndices.Except(victim)));
            foreach (var (invoke, complete) in WitnessHistories.Calls(anomaly).Where(c => c.Invoke != victim[0]))
            {
                var rest = anomaly.OpIndices.Where(x => x != invoke && x != complete).ToList();
                var without = WitnessHistories.Alone(history, rest);
                var removable = !Linearizable(without) && (!isExplicable || Linearizable(WitnessHistories.Timeless(without)))
                    && (!needsVictim || Linearizable(WitnessHistories.Alone(history, rest.Except(victim))));
                Assert.That(removable, Is.False, () => $"op {invoke} could be removed: " + Show());
            }
            victimNeeded += needsVictim ? 1 : 0;
        }
        Assert.That(invalid, Is.GreaterThan(count / 10), "too few non-linearizable histories to be a fair test");
        Assert.That(victimNeeded, Is.GreaterThan(invalid * 9 / 10), "the victim should almost always be needed");
        Assert.That(explicableHistories, Is.GreaterThan(count / 100), "too few explicable histories to test that their witnesses are");
    }

    private static bool Linearizable(History history) => BruteForceRegisterChecker.IsLinearizable(history, null);

    [Test]
    public void StaleRegisterReadBringsTheOlderWriteItSaw()
    {
        var b = new HistoryBuilder().Op(0, "write", 1L, 1L).Op(0, "write", 2L, 2L).Op(1, "write", 3L, 3L).Op(2, "read", null, 1L);
        var result = new LinearizabilityChecker(Register).Check(b.Build(), CheckContext.Default);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        var anomaly = result.Anomalies.Single();
        Assert.That(anomaly.Explanation, Does.Contain("read returning 1 by process 2 (op 6) cannot be placed"));
        Assert.That(anomaly.OpIndices, Is.EqualTo(new long[] { 0, 1, 4, 5, 6, 7 }), "write 1, write 3 and the read: write 2 is not needed");
    }

    [Test]
    public void ReadOfAValueNobodyWroteIsItsOwnWitness()
    {
        var b = new HistoryBuilder().Op(0, "write", 1L, 1L).Op(1, "write", 2L, 2L).Op(2, "read", null, 7L);
        var result = new LinearizabilityChecker(Register).Check(b.Build(), CheckContext.Default);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        var anomaly = result.Anomalies.Single();
        Assert.That(anomaly.OpIndices, Is.EqualTo(new long[] { 4, 5 }), "no write explains 7, so nothing else belongs in the witness");
        Assert.That(anomaly.Explanation, Does.Contain("read returning 7"));
    }

    [Test]
    public void KvStaleGetWitnessIsThePutTheAppendsAndTheGet()
    {
        static object?[] Kv(string key, string? value) => [key, value];
        var b = new HistoryBuilder()
            .Op(0, "append", Kv("x", "z"), Kv("x", "z")).Op(1, "get", Kv("x", null), Kv("x", "z"))
            .Op(0, "put", Kv("x", "a"), Kv("x", "a"))
            .Op(1, "append", Kv("x", "b"), Kv("x", "b"))
            .Invoke(2, "get", Kv("y", null))
            .Op(1, "append", Kv("x", "c"), Kv("x", "c"))
            .Ok(2, "get", Kv("y", ""))
            .Op(3, "get", Kv("x", null), Kv("x", "ab"))
            .Op(0, "append", Kv("x", "d"), Kv("x", "d"));
        var options = new LinearizabilityOptions { Model = "kv", InitialValue = "\"\"" };
        var result = new LinearizabilityChecker(options).Check(b.Build(), CheckContext.Default);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        var anomaly = result.Anomalies.Single();
        Assert.That(anomaly.Explanation, Does.Contain("get returning \"ab\" by process 3 (op 12) cannot be placed"));
        Assert.That(anomaly.OpIndices, Is.EqualTo(new long[] { 4, 5, 6, 7, 9, 10, 12, 13 }), "the put, both appends it missed one of, and the get");
        var alone = WitnessHistories.Alone(b.Build(), anomaly.OpIndices);
        Assert.That(new LinearizabilityChecker(options).Check(alone, CheckContext.Default).Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(new LinearizabilityChecker(options).Check(WitnessHistories.Timeless(alone), CheckContext.Default).Validity, Is.EqualTo(Validity.Valid));
    }
}
