using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>kv without key splitting: the whole-map model decided by locality (one key's projection at a time)
/// agrees with the whole history searched as one state space and with the per-key split; an invalid history's
/// witness, from either, is on one key and not linearizable on its own for the whole-map model searched as one;
/// and the result says how it was decided.</summary>
public class UnsplitKvTests
{
    private static readonly LinearizabilityOptions Locality = new() { Model = "kv", SplitByKey = false, TimeLimit = TimeSpan.FromSeconds(60) };
    private static readonly LinearizabilityOptions OneSearch = Locality with { Locality = false };

    private static CheckResult Check(History h, LinearizabilityOptions o) => new LinearizabilityChecker(o).Check(h, CheckContext.Default);

    [Test]
    public void RandomHistoriesGetTheSameVerdictEveryWay()
    {
        var random = new Random(20261202);
        int valid = 0, invalid = 0;
        for (var i = 0; i < 400; i++)
        {
            var h = RandomKvHistories.Make(random, 8 + random.Next(10), 2 + random.Next(3), 1 + random.Next(3));
            var whole = Check(h, OneSearch);
            Assert.That(whole.Validity, Is.Not.EqualTo(Validity.Unknown), whole.Summary);
            Assert.That(Check(h, Locality).Validity, Is.EqualTo(whole.Validity), $"history {i}");
            Assert.That(Check(h, Locality with { SplitByKey = true }).Validity, Is.EqualTo(whole.Validity), $"history {i}");
            if (whole.Validity == Validity.Valid) valid++;
            else
            {
                invalid++;
                WitnessIsOnOneKeyAndInvalidAlone(h, whole);
                WitnessIsOnOneKeyAndInvalidAlone(h, Check(h, Locality));
            }
        }
        Assert.That(valid, Is.GreaterThan(50), "too few linearizable histories to compare");
        Assert.That(invalid, Is.GreaterThan(50), "too few non-linearizable histories to compare");
    }

    [TestCase("c01-ok", Validity.Valid)]
    [TestCase("c01-bad", Validity.Invalid)]
    [TestCase("c10-ok", Validity.Valid)]
    [TestCase("c10-bad", Validity.Invalid)]
    [TestCase("c50-ok", Validity.Valid)]
    [TestCase("c50-bad", Validity.Invalid)]
    public void CorpusFileIsDecidedByLocality(string name, Validity expected)
    {
        var history = Corpus(name);
        var result = Check(history, Locality);
        Assert.That(result.Validity, Is.EqualTo(expected), result.Summary);
        Assert.That(result.Summary, Does.Contain("decided by locality").And.Contain("whole-map model"));
        Assert.That(result.Stats["decided-by"], Is.EqualTo("locality"));
        if (expected == Validity.Invalid) WitnessIsOnOneKeyAndInvalidAlone(history, result);
    }

    [TestCase("c01-bad")]
    [TestCase("c10-bad")]
    public void OneSearchFindsItsWitnessInAProjection(string name)
    {
        var history = Corpus(name);
        var result = Check(history, OneSearch);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid), result.Summary);
        Assert.That(result.Summary, Does.Contain("searched as one"));
        Assert.That(result.Stats["decided-by"], Is.EqualTo("one search"));
        WitnessIsOnOneKeyAndInvalidAlone(history, result);
        Assert.That(WitnessHistories.Calls(result.Anomalies.Single()), Has.Count.LessThanOrEqualTo(8));
    }

    [Test]
    public void AStaleGetOnOneKeyAmongOthersIsRejectedAndNamed()
    {
        var h = new HistoryBuilder()
            .Op(0, "put", new object?[] { "a", "1" }, new object?[] { "a", "1" })
            .Op(1, "put", new object?[] { "b", "x" }, new object?[] { "b", "x" })
            .Op(0, "append", new object?[] { "a", "2" }, new object?[] { "a", "2" })
            .Op(1, "get", new object?[] { "b", null }, new object?[] { "b", "x" })
            .Op(2, "get", new object?[] { "a", null }, new object?[] { "a", "1" })
            .Build();
        foreach (var options in new[] { Locality, OneSearch })
        {
            var result = Check(h, options);
            Assert.That(result.Validity, Is.EqualTo(Validity.Invalid), result.Summary);
            Assert.That(result.Anomalies.Single().OpIndices, Is.EquivalentTo(new long[] { 0, 1, 4, 5, 8, 9 }), result.Anomalies.Single().Explanation);
        }
        var fine = History.Of(h.Ops.Take(8).ToList());
        Assert.That(Check(fine, Locality).Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(fine, OneSearch).Validity, Is.EqualTo(Validity.Valid));
    }

    [TestCase("on", "locality")]
    [TestCase("off", "one search")]
    public void TheLocalityOptionChoosesHowAnUnsplitHistoryIsDecided(string locality, string decidedBy)
    {
        var h = new HistoryBuilder()
            .Op(0, "put", new object?[] { "a", "1" }, new object?[] { "a", "1" })
            .Op(1, "get", new object?[] { "b", null }, new object?[] { "b", "" })
            .Op(0, "get", new object?[] { "a", null }, new object?[] { "a", "2" })
            .Build();
        var context = new CheckContext { Options = new Dictionary<string, string> { ["model"] = "kv", ["split"] = "false", ["locality"] = locality } };
        var result = new LinearizabilityChecker().Check(h, context);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid), "a get of a value nobody wrote");
        Assert.That(result.Stats["decided-by"], Is.EqualTo(decidedBy));
        Assert.That(result.Anomalies.Single().OpIndices, Is.EquivalentTo(new long[] { 4, 5 }));
    }

    private static History Corpus(string name)
    {
        var path = Path.Combine(CorpusLocator.PorcupineDir("kv"), name + ".txt");
        if (!File.Exists(path)) Assert.Ignore($"corpus file not present: {path} (see Corpus/porcupine/README.md)");
        return History.Of(PorcupineKvHistory.Read(path));
    }

    /// <summary>The witness's calls all name one key, and checked alone with the whole-map model searched as
    /// one state space (no locality), they are not linearizable.</summary>
    private static void WitnessIsOnOneKeyAndInvalidAlone(History history, CheckResult result)
    {
        var anomaly = result.Anomalies.Single();
        var alone = WitnessHistories.Alone(history, anomaly.OpIndices);
        var keys = alone.Ops.Select(o => ((IReadOnlyList<object?>)o.Value!)[0]).Distinct().ToList();
        Assert.That(keys, Has.Count.EqualTo(1), anomaly.Explanation);
        Assert.That(Check(alone, OneSearch).Validity, Is.EqualTo(Validity.Invalid), anomaly.Explanation);
    }
}
