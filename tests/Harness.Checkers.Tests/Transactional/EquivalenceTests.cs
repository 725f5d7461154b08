using System.Security.Cryptography;
using System.Text;
using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>
/// The transactional checker's answers on <see cref="EquivalenceHistories"/> must equal those recorded in
/// <c>Expected/equivalence.txt</c> from the checker before its lean rewrite (round 5): validity under two models,
/// every anomaly class with its count, each example's op indices, and a hash of every explanation. Regenerate only
/// on purpose: <c>HARNESS_WRITE_EXPECTED=1 dotnet test --filter EquivalenceTests</c>.
/// </summary>
public class EquivalenceTests
{
    private static string ExpectedPath()
    {
        var dir = TestContext.CurrentContext.TestDirectory;
        while (!File.Exists(Path.Combine(dir, "Harness.sln"))) dir = Path.GetDirectoryName(dir)!;
        return Path.Combine(dir, "tests", "Harness.Checkers.Tests", "Transactional", "Expected", "equivalence.txt");
    }

    public static string Fingerprint(EquivalenceHistories.Named h, bool stream = false)
    {
        var strict = Run(h, "strict-serializable", stream);
        var weak = Run(h, "read-committed", stream);
        var counts = string.Join(" ", strict.AnomalyCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
        var examples = string.Join(" ", strict.Anomalies.Select(a => a.Kind + ":" + string.Join(",", a.OpIndices)));
        var text = string.Join("\n", strict.Anomalies.Select(a => a.Explanation));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return $"{h.Name}\t{strict.Validity.Word()}\t{weak.Validity.Word()}\t{counts}\t{examples}\t{hash}";
    }

    private static CheckResult Run(EquivalenceHistories.Named h, string model, bool stream)
    {
        var checker = new TransactionalChecker(h.Workload, model);
        return stream ? checker.CheckStream(h.History.Ops, CheckContext.Default) : checker.Check(h.History, CheckContext.Default);
    }

    [Test]
    public void AnswersEqualThoseRecordedBeforeTheLeanRewrite()
    {
        var actual = EquivalenceHistories.All().Select(h => Fingerprint(h)).ToList();
        if (Environment.GetEnvironmentVariable("HARNESS_WRITE_EXPECTED") == "1")
            File.WriteAllLines(ExpectedPath(), actual);
        var expected = File.ReadAllLines(ExpectedPath());
        Assert.That(actual, Has.Count.EqualTo(expected.Length));
        for (var i = 0; i < actual.Count; i++) Assert.That(actual[i], Is.EqualTo(expected[i]));
        Assert.That(expected.Count(l => l.Split('\t')[1] == "invalid"), Is.GreaterThan(40), "the set must hold many invalid histories");
    }

    /// <summary>Streaming the operations (nothing held but the lean table; explanations rebuilt from micro-ops)
    /// gives exactly what checking the whole history gives, explanations included.</summary>
    [Test]
    public void StreamingGivesTheSameAnswersAsTheWholeHistory()
    {
        foreach (var h in EquivalenceHistories.All())
            Assert.That(Fingerprint(h, stream: true), Is.EqualTo(Fingerprint(h)), h.Name);
    }

    /// <summary>Operations streamed out of order of completion, with a transaction whose value is not a list, a
    /// non-transaction operation and an invocation never completed, still give the whole history's answer.</summary>
    [Test]
    public void StreamingHandlesMalformedAndOpenTransactions()
    {
        var ops = new List<Core.History.Op>
        {
            new(0, 0, Core.History.OpType.Invoke, 0, "txn", new object?[] { new object?[] { "append", "x", 1L } }),
            new(1, 1, Core.History.OpType.Invoke, 1, "txn", "not a list"),
            new(2, 2, Core.History.OpType.Invoke, 2, "read", null),
            new(3, 3, Core.History.OpType.Invoke, 3, "txn", new object?[] { new object?[] { "r", "x", null }, new object?[] { ":append", "y", 2L } }),
            new(4, 4, Core.History.OpType.Ok, 1, "txn", "still not a list"),
            new(5, 5, Core.History.OpType.Ok, 2, "read", 7L),
            new(6, 6, Core.History.OpType.Ok, 3, "txn", new object?[] { new object?[] { "r", "x", new object?[] { 1L, 9L } }, new object?[] { ":append", "y", 2L } }),
        };
        var named = new EquivalenceHistories.Named("mixed", Core.History.History.Of(ops), TransactionalChecker.ListAppend);
        var whole = Fingerprint(named);
        Assert.That(whole, Does.Contain("garbage-read=1"));
        Assert.That(Fingerprint(named, stream: true), Is.EqualTo(whole));
    }
}
