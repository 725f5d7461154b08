using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>
/// The checker against databases whose isolation we know, over many seeds: it must never accuse a database of an
/// anomaly its level allows, and must catch the anomalies a weaker level lets through at least sometimes.
/// </summary>
public class SimulatedDatabaseTests
{
    private const int Seeds = 800;
    private const int TxnsPerHistory = 30;

    private static Dictionary<string, long> Sweep(SimulatedIsolation isolation, bool registers, string model, int seeds = Seeds)
    {
        var seen = new Dictionary<string, long>();
        var workload = registers ? TransactionalChecker.RwRegister : TransactionalChecker.ListAppend;
        for (var seed = 0; seed < seeds; seed++)
        {
            var h = SimulatedClients.Run(new SimulatedDatabase(isolation), seed, TxnsPerHistory, registers);
            var r = new TransactionalChecker(workload, model).Check(h, CheckContext.Default);
            Assert.That(r.Validity, Is.EqualTo(Validity.Valid),
                $"{isolation} seed {seed} under {model}: {r.Summary}\n{string.Join("\n", r.Anomalies.Select(a => a.Explanation))}");
            foreach (var (k, n) in r.AnomalyCounts) seen[k] = seen.GetValueOrDefault(k) + n;
        }
        return seen;
    }

    [TestCase(false)]
    [TestCase(true)]
    public void SerializableDatabaseIsNeverAccused(bool registers)
    {
        var seen = Sweep(SimulatedIsolation.Serializable, registers, "strict-serializable");
        Assert.That(seen, Is.Empty);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void SnapshotIsolationShowsWriteSkewButNoG1OrGSingle(bool registers)
    {
        var seen = Sweep(SimulatedIsolation.SnapshotIsolation, registers, "snapshot-isolation");
        Assert.That(seen.Keys, Has.Member("G2-item"));
        Assert.That(seen.Keys.Where(k => k.StartsWith("G1", StringComparison.Ordinal) || k.StartsWith("G-single", StringComparison.Ordinal)
            || k.StartsWith("G0", StringComparison.Ordinal) || k.StartsWith("G-nonadjacent", StringComparison.Ordinal)), Is.Empty);
        Assert.That(seen.Keys, Has.No.Member("lost-update"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void ReadCommittedShowsOnlyWhatReadCommittedAllows(bool registers)
    {
        var seen = Sweep(SimulatedIsolation.ReadCommitted, registers, "read-committed");
        Assert.That(seen.Keys, Has.Member("G-single").Or.Member("G2-item"));
        Assert.That(seen.Keys.Where(k => ConsistencyModels.Forbids("read-committed", k)), Is.Empty);
    }

    [Test]
    public void LosingUpdatesIsCaught()
    {
        var caught = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var h = SimulatedClients.Run(new SimulatedDatabase(SimulatedIsolation.LosesUpdates), seed, TxnsPerHistory, registers: false);
            var r = new TransactionalChecker(TransactionalChecker.ListAppend, "snapshot-isolation").Check(h, CheckContext.Default);
            if (r.AnomalyCounts.ContainsKey("lost-update"))
            {
                caught++;
                Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
            }
        }
        Assert.That(caught, Is.GreaterThan(20));
    }

    [Test]
    public void ALargeAnomalousHistoryKeepsAFewExamplesAndCountsTheRest()
    {
        var h = SimulatedClients.Run(new SimulatedDatabase(SimulatedIsolation.LosesUpdates), 42, 3000, registers: false, clients: 8, keys: 5);
        var r = new TransactionalChecker(TransactionalChecker.ListAppend, "serializable").Check(h, CheckContext.Default);
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.AnomalyCounts["lost-update"], Is.GreaterThan(5));
        Assert.That(r.Anomalies.Count(a => a.Kind == "lost-update"), Is.EqualTo(5));
        Assert.That(r.Anomalies.GroupBy(a => a.Kind).Select(g => g.Count()), Is.All.LessThanOrEqualTo(5));
        Assert.That(r.Stats["cycle-search-timeouts"], Is.EqualTo(0L));
    }
}
