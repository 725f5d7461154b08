using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Lab;
using Harness.Lab.Scenarios;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Core.Tests.Scenarios;

/// <summary>The lag figures (pg_stat_replication and heartbeat, overall and per standby as <c>FIGURE@NODE</c>) and
/// the transactional figures a scenario takes from a stored run.</summary>
public class LagAndTxnMeasuresTests
{
    private static string StoredRun(CheckResult result, IEnumerable<LagSample> lag)
    {
        var dir = Directory.CreateTempSubdirectory("harness-measures-").FullName;
        CheckResultJson.Write(Path.Combine(dir, RunStore.ResultsFile), result);
        LagJsonl.Write(Path.Combine(dir, RunStore.LagFile), lag);
        return dir;
    }

    [Test]
    public void LagFiguresArePerStandbyAndHeartbeatLagIsKeptApart()
    {
        var lag = Enumerable.Range(1, 100).SelectMany(i => new[]
        {
            new LagSample(i * 250_000_000L, "pg2", ReplayLagMs: i, HeartbeatLagMs: i * 10),
            new LagSample(i * 250_000_000L, "pg3", ReplayLagMs: 1000 + i, HeartbeatLagMs: null),
        });
        var figures = Measures.Of(StoredRun(new CheckResult("stats", Validity.Valid, "ok"), lag));

        Assert.That(figures["heartbeat-lag-p50-ms@pg2"], Is.EqualTo(500));
        Assert.That(figures["heartbeat-lag-p99-ms@pg2"], Is.EqualTo(990));
        Assert.That(figures["heartbeat-lag-max-ms@pg2"], Is.EqualTo(1000));
        Assert.That(figures["heartbeat-lag-max-ms@pg3"], Is.Null, "no heartbeat read on pg3: unknown, not zero");
        Assert.That(figures["max-lag-ms@pg3"], Is.EqualTo(1100));
        Assert.That(figures["p50-lag-ms@pg2"], Is.EqualTo(50));
        Assert.That(figures["heartbeat-lag-max-ms"], Is.EqualTo(1000));
        Assert.That(figures["max-lag-ms"], Is.EqualTo(1100));
    }

    [Test]
    public void PerStandbyNamesAreKnownOnlyForLagFigures()
    {
        Assert.That(Measures.IsKnown("heartbeat-lag-p99-ms@pg2"), Is.True);
        Assert.That(Measures.IsKnown("p99-lag-ms@redis3"), Is.True);
        Assert.That(Measures.IsKnown("lost-count@pg2"), Is.False);
        Assert.That(Measures.IsKnown("p99-lag-ms@"), Is.False);
        Assert.That(Measures.IsKnown("p99-lag-ms"), Is.True);
    }

    [Test]
    public void TransactionFiguresCountCheckedTransactionsAndLongForks()
    {
        var txn = new CheckResult("transactional", Validity.Invalid, "snapshot-isolation violated")
        {
            AnomalyCounts = new Dictionary<string, long> { ["G-nonadjacent"] = 2, ["G-nonadjacent-process"] = 1, ["G-single-process"] = 5, ["G2-item"] = 4 },
            Stats = new Dictionary<string, object?> { ["ok-txns"] = 1234L, ["forbidden"] = new List<object?> { "G-nonadjacent" } },
        };
        var figures = Measures.Of(StoredRun(new CheckResult("list-append-workload", Validity.Invalid, "x") { Children = [txn] }, []));

        Assert.That(figures["txn-count"], Is.EqualTo(1234));
        Assert.That(figures["g-nonadjacent-count"], Is.EqualTo(2), "Long Fork proper, not its -process variant");
        Assert.That(figures["process-anomaly-count"], Is.EqualTo(6));
        Assert.That(figures["forbidden-anomaly-count"], Is.EqualTo(2));
        Assert.That(figures["heartbeat-lag-p99-ms"], Is.Null);
    }

    [Test]
    public void AScenarioMayNamePerStandbyFigures()
    {
        var s = ScenarioFile.Parse("""
            { "name": "l", "claim": "c", "runs": [ { "label": "a" } ], "measurements": ["heartbeat-lag-p99-ms@pg2"],
              "expect": [ { "run": "a", "measure": "max-lag-ms@pg3", "aggregate": "max", "op": "<", "value": 5 } ] }
            """, "l.json", HarnessModules.Registry);
        Assert.That(s.Measurements, Is.EqualTo(new[] { "heartbeat-lag-p99-ms@pg2" }));
    }
}
