using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>The single-register histories of the benchmark corpus (checkers/benchmarks/corpus/register: one key
/// of a real Redis register run, 1,000 calls each, and 9,988 calls of a real etcd run under partitions) keep their
/// verdicts: the -ok files are linearizable, the -bad file is not, with a small witness that is not linearizable on its own.</summary>
public class RegisterBenchCorpusTests
{
    [TestCase("redis-register-primary-1000-ok.jsonl", Validity.Valid, 1000)]
    [TestCase("redis-register-primary-1000-bad.jsonl", Validity.Invalid, 1000)]
    [TestCase("etcd-register-9988-partition-ok.jsonl", Validity.Valid, 9988)]
    public void RegisterHistoryKeepsItsVerdict(string name, Validity expected, long calls)
    {
        var root = CorpusLocator.RepositoryRoot();
        var path = root is null ? name : Path.Combine(root, "checkers", "benchmarks", "corpus", "register", name);
        if (!File.Exists(path)) Assert.Ignore($"benchmark corpus not present: {path}");
        var history = History.Of(HistoryFormats.Read(path, HistoryFormats.Guess(path)));
        var checker = new LinearizabilityChecker(new LinearizabilityOptions { Model = "cas-register", TimeLimit = TimeSpan.FromSeconds(60) });
        var result = checker.Check(history, CheckContext.Default);
        Assert.That(result.Validity, Is.EqualTo(expected), result.Summary);
        Assert.That(result.Stats["ops"], Is.EqualTo(calls));
        Assert.That(result.Stats["checked-ops"], Is.GreaterThan(calls * 7 / 10), "failed calls and crashed reads are dropped, the rest searched");
        if (expected == Validity.Valid) return;
        var anomaly = result.Anomalies.Single();
        Assert.That(WitnessHistories.Calls(anomaly), Has.Count.LessThanOrEqualTo(8), anomaly.Explanation);
        Assert.That(checker.Check(WitnessHistories.Alone(history, anomaly.OpIndices), CheckContext.Default).Validity,
            Is.EqualTo(Validity.Invalid), anomaly.Explanation);
    }
}
