using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using NUnit.Framework;
using static Harness.Checkers.Tests.Transactional.TxnHistoryBuilder;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>One hand-made list-append history per anomaly: the checker must name it, and the same history without
/// the offending transaction (always the last one listed) must be valid.</summary>
public class ListAppendAnomalyTests
{
    public sealed record Case(string Anomaly, Txn[] Txns)
    {
        public override string ToString() => Anomaly;
    }

    public static IEnumerable<Case> Cases()
    {
        // T1 and T2 append to x and y in opposite orders; the reader fixes both orders.
        yield return new("G0", [Ok(A("x", 1), A("y", 2)), Ok(A("x", 3), A("y", 4)), Ok(R("x", 1, 3), R("y", 4, 2))]);
        yield return new("G1a", [Fail(A("x", 1)), Ok(A("x", 2)), Ok(R("x", 1))]);
        yield return new("G1b", [Ok(A("x", 1), A("x", 2)), Ok(R("x", 1))]);
        // T1 ww-> T2 on x (fixed by the reader), T2 wr-> T1 on y.
        yield return new("G1c", [Ok(A("x", 1), R("y", 5)), Ok(A("x", 2), A("y", 5)), Ok(R("x", 1, 2))]);
        // T1 read x before T2's append (rw) but saw T2's append to y (wr).
        yield return new("G-single", [Ok(R("x"), R("y", 1)), Ok(A("x", 1), A("y", 1)), Ok(R("x", 1))]);
        yield return new("G-nonadjacent",
        [
            Ok(R("a"), R("d", 1)), Ok(A("a", 1), A("b", 1)), Ok(R("b", 1), R("c")), Ok(A("c", 1), A("d", 1)),
            Ok(R("a", 1), R("c", 1)),
        ]);
        // Write skew.
        yield return new("G2-item", [Ok(R("x"), R("y"), A("x", 1)), Ok(R("x"), R("y"), A("y", 1)), Ok(R("x", 1), R("y", 1))]);
        yield return new("internal", [Ok(A("x", 5)), Ok(A("x", 1), R("x", 5))]);
        yield return new("lost-update", [Ok(A("x", 1)), Ok(R("x", 1), A("x", 2)), Ok(R("x", 1), A("x", 3))]);
        yield return new("dirty-update", [Fail(A("x", 1)), Ok(A("x", 2)), Ok(R("x", 1, 2))]);
        yield return new("duplicate-elements", [Ok(A("x", 1)), Ok(R("x", 1, 1))]);
        yield return new("incompatible-order", [Ok(A("x", 1)), Ok(A("x", 2)), Ok(R("x", 1, 2)), Ok(R("x", 2, 1))]);
        yield return new("future-read", [Ok(A("x", 5)), Ok(R("x", 5, 1), A("x", 1))]);
        yield return new("garbage-read", [Ok(A("x", 1)), Ok(R("x", 1, 9))]);
    }

    [TestCaseSource(nameof(Cases))]
    public void FindsTheAnomalyByName(Case c)
    {
        var result = Check(Concurrent(c.Txns));
        Assert.That(result.AnomalyCounts.Keys, Has.Member(c.Anomaly), result.Summary);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        var example = result.Anomalies.First(a => a.Kind == c.Anomaly);
        Assert.That(example.Explanation, Is.Not.Empty);
        Assert.That(example.OpIndices, Is.Not.Empty);
        Assert.That((IEnumerable<object?>)result.Stats["not"]!, Is.Not.Empty);
    }

    [TestCaseSource(nameof(Cases))]
    public void WithoutTheOffendingTransactionTheHistoryIsValid(Case c)
    {
        var result = Check(Concurrent(c.Txns[..^1]));
        Assert.That(result.AnomalyCounts, Is.Empty, string.Join("\n", result.Anomalies.Select(a => a.Explanation)));
        Assert.That(result.Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void GSingleIsExplainedEdgeByEdgeWithADrawing()
    {
        var result = Check(Concurrent(Ok(R("x"), R("y", 1)), Ok(A("x", 1), A("y", 1)), Ok(R("x", 1))));
        var a = result.Anomalies.Single(x => x.Kind == "G-single");
        Assert.That(a.Explanation, Does.Contain("T1 read \"x\" = [], which does not include T2's append of 1"));
        Assert.That(a.Explanation, Does.Contain("T1 read \"y\" = [1], which ends with T2's append of 1"));
        var data = (IReadOnlyDictionary<string, object?>)a.Data!;
        Assert.That((string)data["svg"]!, Does.StartWith("<svg").And.Contain("rw").And.Contain("wr").And.EndWith("</svg>"));
        Assert.That((IEnumerable<object?>)data["cycle"]!, Has.Exactly(2).Items);
        Assert.That(result.Stats["not"], Is.EquivalentTo(new[] { "snapshot-isolation", "repeatable-read" }));
    }

    [Test]
    public void WriteSkewViolatesSerializableButNotSnapshotIsolation()
    {
        var h = Concurrent(Ok(R("x"), R("y"), A("x", 1)), Ok(R("x"), R("y"), A("y", 1)), Ok(R("x", 1), R("y", 1)));
        Assert.That(Check(h, model: "snapshot-isolation").Validity, Is.EqualTo(Validity.Valid));
        var serializable = Check(h, model: "serializable");
        Assert.That(serializable.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(serializable.Stats["not"], Is.EquivalentTo(new[] { "repeatable-read" }));
        Assert.That((IEnumerable<object?>)serializable.Stats["also-not"]!, Has.Member("serializable").And.Member("strict-serializable"));
        Assert.That((IEnumerable<object?>)serializable.Stats["also-not"]!, Has.No.Member("snapshot-isolation"));
    }

    [Test]
    public void StaleReadOnTheSameProcessIsGSingleProcess()
    {
        // T1 appends x 1 on process 0 and returns; T2, next on process 0, reads x = []; T3 (concurrent) fixes the order.
        var h = new TxnHistoryBuilder()
            .Invoke(0, A("x", 1)).Invoke(1, R("x", 1)).Complete(0, Core.History.OpType.Ok)
            .Invoke(0, R("x")).Complete(0, Core.History.OpType.Ok).Complete(1, Core.History.OpType.Ok).Build();
        var strict = Check(h);
        Assert.That(strict.AnomalyCounts.Keys, Is.EquivalentTo(new[] { "G-single-process" }));
        Assert.That(strict.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(strict.Anomalies[0].Explanation, Does.Contain("ran on process 0"));
        Assert.That(Check(h, model: "serializable").Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(h, model: "strong-session-serializable").Validity, Is.EqualTo(Validity.Invalid));
    }

    [Test]
    public void StaleReadAfterAnotherClientReturnedIsGSingleRealtime()
    {
        var h = new TxnHistoryBuilder()
            .Invoke(0, A("x", 1)).Invoke(1, R("x", 1)).Complete(0, Core.History.OpType.Ok)
            .Invoke(2, R("x")).Complete(2, Core.History.OpType.Ok).Complete(1, Core.History.OpType.Ok).Build();
        var strict = Check(h);
        Assert.That(strict.AnomalyCounts.Keys, Is.EquivalentTo(new[] { "G-single-realtime" }));
        Assert.That(strict.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(strict.Anomalies[0].Explanation, Does.Contain("realtime"));
        Assert.That(Check(h, model: "strong-session-serializable").Validity, Is.EqualTo(Validity.Valid));
        Assert.That(strict.Stats["not"], Is.EquivalentTo(new[] { "strong-snapshot-isolation" }));
    }

    [Test]
    public void IndeterminateAppendsMayBeSeenAndFailedOnesNot()
    {
        var info = Check(Concurrent(Info(A("x", 1)), Ok(R("x", 1))));
        Assert.That(info.Validity, Is.EqualTo(Validity.Valid), info.Summary);
        var failed = Check(Concurrent(Fail(A("x", 1)), Ok(R("x", 1))));
        Assert.That(failed.AnomalyCounts.Keys, Is.EquivalentTo(new[] { "G1a" }));
    }

    [Test]
    public void UnknownModelOrWorkloadIsUnknownNotAnException()
    {
        var h = Concurrent(Ok(A("x", 1)));
        Assert.That(Check(h, model: "bogus").Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(Check(h, workload: "bogus").Validity, Is.EqualTo(Validity.Unknown));
    }
}
