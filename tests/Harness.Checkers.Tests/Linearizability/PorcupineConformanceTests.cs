using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>Every history of Porcupine's corpus (102 etcd Jepsen logs, 6 kv logs) gets its published verdict.</summary>
public class PorcupineConformanceTests
{
    public static IEnumerable<TestCaseData> EtcdFiles() =>
        Enumerable.Range(0, 103).Where(n => n != 95)
            .Select(n => new TestCaseData($"etcd_{n:000}.log").SetName($"Etcd{n:000}"));

    public static IEnumerable<TestCaseData> KvFiles() =>
        new[] { "c01-bad", "c01-ok", "c10-bad", "c10-ok", "c50-bad", "c50-ok" }
            .Select(n => new TestCaseData(n + ".txt").SetName("Kv_" + n.Replace('-', '_')));

    [TestCaseSource(nameof(EtcdFiles))]
    public void EtcdLogGetsItsVerdict(string file) => Conforms(Path.Combine(CorpusLocator.PorcupineDir("jepsen"), file));

    [TestCaseSource(nameof(KvFiles))]
    public void KvLogGetsItsVerdict(string file) => Conforms(Path.Combine(CorpusLocator.PorcupineDir("kv"), file));

    private static void Conforms(string path)
    {
        if (!File.Exists(path))
            Assert.Ignore($"corpus file not present: {path} (fetch it from Porcupine's test_data, see Corpus/porcupine/README.md)");
        var (format, options) = PorcupineCorpus.Describe(path)!.Value;
        var history = History.Of(HistoryFormats.Read(path, format));
        var nilReads = HistoryFormats.NilReadsDefault(format);
        Assert.That(nilReads, Is.EqualTo("value"), "Porcupine's models read nil as the absent value");
        var result = new LinearizabilityChecker(options with { TimeLimit = TimeSpan.FromSeconds(60), NilReads = nilReads }).Check(history, CheckContext.Default);
        var expected = PorcupineCorpus.ExpectedLinearizable(path)!.Value ? Validity.Valid : Validity.Invalid;
        Assert.That(result.Validity, Is.EqualTo(expected), result.Summary);
        if (expected == Validity.Invalid)
        {
            var anomaly = result.Anomalies.Single();
            Assert.That(anomaly.Kind, Is.EqualTo("nonlinearizable"));
            Assert.That(anomaly.OpIndices, Is.Not.Empty);
            Assert.That(anomaly.Explanation, Does.Contain("cannot be placed"));
            WitnessIsTruthful(history, anomaly, options, kv: format == "porcupine-kv");
        }
    }

    /// <summary>The witness is small, names the victim and is not linearizable on its own; for the kv files
    /// (stale gets) it is also explicable and the victim is needed.</summary>
    private static void WitnessIsTruthful(History history, Anomaly anomaly, LinearizabilityOptions options, bool kv)
    {
        var checker = new LinearizabilityChecker(options with { TimeLimit = TimeSpan.FromSeconds(60) });
        var alone = WitnessHistories.Alone(history, anomaly.OpIndices);
        var victim = WitnessHistories.Victim(anomaly);
        Assert.That(WitnessHistories.Calls(anomaly), Has.Count.LessThanOrEqualTo(8), anomaly.Explanation);
        Assert.That(victim, Is.Not.Empty.And.SubsetOf(anomaly.OpIndices), anomaly.Explanation);
        Assert.That(checker.Check(alone, CheckContext.Default).Validity, Is.EqualTo(Validity.Invalid), anomaly.Explanation);
        if (!kv) return;
        Assert.That(checker.Check(WitnessHistories.Timeless(alone), CheckContext.Default).Validity, Is.EqualTo(Validity.Valid), anomaly.Explanation);
        var withoutVictim = WitnessHistories.Alone(history, anomaly.OpIndices.Except(victim));
        Assert.That(checker.Check(withoutVictim, CheckContext.Default).Validity, Is.EqualTo(Validity.Valid), anomaly.Explanation);
    }

    [Test]
    public void UnsplitKvAgreesWithSplitOnTheSmallFiles()
    {
        foreach (var name in new[] { "c01-ok", "c01-bad", "c10-ok", "c10-bad" })
        {
            var path = Path.Combine(CorpusLocator.PorcupineDir("kv"), name + ".txt");
            var history = History.Of(PorcupineKvHistory.Read(path));
            // The whole-map model searched as one state space (locality off; UnsplitKvTests covers locality).
            var options = new LinearizabilityOptions { Model = "kv", SplitByKey = false, Locality = false, TimeLimit = TimeSpan.FromSeconds(60) };
            var result = new LinearizabilityChecker(options).Check(history, CheckContext.Default);
            Assert.That(result.Validity, Is.EqualTo(name.EndsWith("-ok", StringComparison.Ordinal) ? Validity.Valid : Validity.Invalid), name);
        }
    }
}
