using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using NUnit.Framework;
using static Harness.Checkers.Tests.Transactional.TxnHistoryBuilder;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>Hand-made rw-register histories, one per anomaly this workload can show: found by name, and valid
/// without the offending (last) transaction.</summary>
public class RwRegisterAnomalyTests
{
    /// <summary>A case; <paramref name="Valid"/> is the valid counterpart when dropping the last transaction would
    /// leave a read of a value nobody wrote (two transactions that read each other's writes).</summary>
    public sealed record Case(string Anomaly, Txn[] Txns, Txn[]? Valid = null)
    {
        public override string ToString() => Anomaly;
    }

    public static IEnumerable<Case> Cases()
    {
        // Each transaction reads the other's write and then overwrites that key: ww both ways.
        yield return new("G0", [Ok(W("x", 1), Rr("y", 2), W("y", 3)), Ok(W("y", 2), Rr("x", 1), W("x", 4))],
            [Ok(W("x", 1), Rr("y", null), W("y", 3)), Ok(W("y", 2), Rr("x", 1), W("x", 4))]);
        yield return new("G1a", [Fail(W("x", 1)), Ok(W("x", 2)), Ok(Rr("x", 1))]);
        yield return new("G1b", [Ok(W("x", 1), W("x", 2)), Ok(Rr("x", 1))]);
        yield return new("G1c", [Ok(W("x", 1), Rr("y", 2)), Ok(Rr("x", 1), W("y", 2))],
            [Ok(W("x", 1), Rr("y", null)), Ok(Rr("x", 1), W("y", 2))]);
        // T1 read x = nil (before T2's write) yet saw T2's write of y.
        yield return new("G-single", [Ok(W("x", 1), W("y", 1)), Ok(Rr("x", null), Rr("y", 1))]);
        // Write skew: each read both keys as nil and wrote one.
        yield return new("G2-item", [Ok(Rr("x", null), Rr("y", null), W("x", 1)), Ok(Rr("x", null), Rr("y", null), W("y", 1))]);
        yield return new("internal", [Ok(W("x", 5)), Ok(W("x", 1), Rr("x", 5))]);
        yield return new("lost-update", [Ok(W("x", 1)), Ok(Rr("x", 1), W("x", 2)), Ok(Rr("x", 1), W("x", 3))]);
        yield return new("future-read", [Ok(W("x", 5)), Ok(Rr("x", 1), W("x", 1))]);
        yield return new("garbage-read", [Ok(W("x", 1)), Ok(Rr("x", 9))]);
    }

    [TestCaseSource(nameof(Cases))]
    public void FindsTheAnomalyByName(Case c)
    {
        var result = Check(Concurrent(c.Txns), TransactionalChecker.RwRegister);
        Assert.That(result.AnomalyCounts.Keys, Has.Member(c.Anomaly), result.Summary);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
    }

    [TestCaseSource(nameof(Cases))]
    public void WithoutTheOffendingTransactionTheHistoryIsValid(Case c)
    {
        var result = Check(Concurrent(c.Valid ?? c.Txns[..^1]), TransactionalChecker.RwRegister);
        Assert.That(result.AnomalyCounts, Is.Empty, string.Join("\n", result.Anomalies.Select(a => a.Explanation)));
        Assert.That(result.Validity, Is.EqualTo(Validity.Valid));
    }

    /// <summary>Two transactions that each read the other's write and overwrite it cannot be ordered. No history
    /// without them reads those values, so the valid counterpart has the same writes, blind.</summary>
    [Test]
    public void MutualReadThenOverwriteIsCyclicVersions()
    {
        var cyclic = Check(Concurrent(Ok(Rr("x", 2), W("x", 1)), Ok(Rr("x", 1), W("x", 2))), TransactionalChecker.RwRegister);
        Assert.That(cyclic.AnomalyCounts.Keys, Has.Member("cyclic-versions"));
        Assert.That(cyclic.Stats["not"], Has.Member("read-uncommitted"));
        var blind = Check(Concurrent(Ok(W("x", 1)), Ok(W("x", 2))), TransactionalChecker.RwRegister);
        Assert.That(blind.Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void ExplainsRegisterEdges()
    {
        var result = Check(Concurrent(Ok(Rr("x", null), Rr("y", 1)), Ok(W("x", 1), W("y", 1))), TransactionalChecker.RwRegister);
        var a = result.Anomalies.Single(x => x.Kind == "G-single");
        Assert.That(a.Explanation, Does.Contain("T1 read \"y\" = 1, which T2 wrote"));
        Assert.That(a.Explanation, Does.Contain("T1 read \"x\" = nil, a version that T2's write of 1 came after"));
    }
}
