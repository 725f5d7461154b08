using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;
using static Harness.Checkers.Tests.Transactional.TxnHistoryBuilder;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>
/// The cycle search looks for every anomaly class in every component, not only the first one it meets. The
/// history below has one strongly connected component holding a write skew (G2-item: T1 and T2 each read what the
/// other then overwrote; no real-time edge needed) and a stale read that needs real time (G-single-realtime: T4
/// began after T1 and T3 committed, yet read u and q as empty).
/// </summary>
public class PerClassSearchTests
{
    internal static History BothInOneComponent(bool withSkew = true, bool withStaleRead = true)
    {
        var b = new TxnHistoryBuilder()
            .Invoke(0, R("x"), R("y"), A("x", 1), A("u", 1))
            .Invoke(1, withSkew ? R("x") : R("q"), R("y"), A("y", 1))
            .Complete(0, OpType.Ok).Complete(1, OpType.Ok);
        b.Invoke(2, R("x", 1), R("y", 1), R("u", 1), A("q", 1)).Complete(2, OpType.Ok);
        b.Invoke(3, withStaleRead ? R("q") : R("q", 1), withStaleRead ? R("u") : R("u", 1)).Complete(3, OpType.Ok);
        b.Invoke(4, R("q", 1)).Complete(4, OpType.Ok);
        return b.Build();
    }

    [Test]
    public void RepeatableReadFailsWithG2ItemAlthoughTheComponentAlsoHoldsGSingleRealtime()
    {
        var result = Check(BothInOneComponent(), model: "repeatable-read");
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid), result.Summary);
        Assert.That(result.AnomalyCounts.Keys, Has.Member("G2-item"));
        Assert.That((IEnumerable<object?>)result.Stats["forbidden"]!, Has.Member("G2-item"));
        var example = result.Anomalies.First(a => a.Kind == "G2-item");
        Assert.That(example.Explanation, Does.Contain("T1").And.Contain("T2").And.Not.Contain("T3"), "the shortest example: the two-transaction skew");
    }

    [Test]
    public void StrictSerializableReportsBothClasses()
    {
        var result = Check(BothInOneComponent());
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(result.AnomalyCounts.Keys, Is.SupersetOf(new[] { "G2-item", "G-single-realtime" }), result.Summary);
    }

    [Test]
    public void SnapshotIsolationAllowsTheSkewButStrongSnapshotIsolationRejectsTheStaleRead()
    {
        Assert.That(Check(BothInOneComponent(), model: "snapshot-isolation").Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(BothInOneComponent(), model: "strong-snapshot-isolation").Validity, Is.EqualTo(Validity.Invalid));
    }

    [Test]
    public void EachClassAloneIsFoundAndTheOtherIsNot()
    {
        var skewOnly = Check(BothInOneComponent(withStaleRead: false));
        Assert.That(skewOnly.AnomalyCounts.Keys, Is.EquivalentTo(new[] { "G2-item" }), skewOnly.Summary);
        var staleOnly = Check(BothInOneComponent(withSkew: false));
        Assert.That(staleOnly.AnomalyCounts.Keys, Is.EquivalentTo(new[] { "G-single-realtime" }), staleOnly.Summary);
        Assert.That(Check(BothInOneComponent(withSkew: false), model: "repeatable-read").Validity, Is.EqualTo(Validity.Valid));
        Assert.That(Check(BothInOneComponent(false, false)).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void AComponentOverBudgetIsUnknownPerClassNeverASilentPass()
    {
        var result = new TransactionalChecker().Check(BothInOneComponent(), new CheckContext
        {
            Options = new Dictionary<string, string> { ["consistency-model"] = "repeatable-read", ["component-time-limit-ms"] = "0" },
        });
        Assert.That(result.Validity, Is.EqualTo(Validity.Unknown), result.Summary);
        Assert.That(result.Summary, Does.Contain("cycle-search-timeout").And.Contain("G2-item"));
        var classes = result.Anomalies.Where(a => a.Kind == "cycle-search-timeout")
            .Select(a => ((IReadOnlyDictionary<string, object?>)a.Data!)["class"]).ToList();
        Assert.That(classes, Has.Member("G2-item").And.Member("G-single"), "G0 and G1c have no component to search: no ww+wr cycle");
        Assert.That((IEnumerable<object?>)result.Stats["unknown-classes"]!, Has.Member("G2-item").And.No.Member("G2-item-realtime"));
    }
}
