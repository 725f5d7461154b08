using System.Diagnostics;
using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>The checker gives up honestly (Unknown with the reason) when its budget runs out, and still
/// produces a small witness for a large history.</summary>
public class BudgetAndScaleTests
{
    /// <summary>Many concurrent crashed writes of distinct values, then a read of a value nobody wrote: every
    /// subset and order of the crashed writes must be tried before the read is known to be impossible.</summary>
    private static History Pathological(int crashedWrites)
    {
        var b = new HistoryBuilder();
        for (var p = 0; p < crashedWrites; p++) b.Invoke(p, "write", (long)p);
        for (var p = 0; p < crashedWrites; p++) b.Info(p, "write", (long)p);
        for (var i = 0; i < crashedWrites; i++) b.Op(1000, "read", null, (long)((i * 7) % crashedWrites));
        return b.Op(1000, "read", null, -1L).Build();
    }

    [Test]
    public void PathologicalHistoryReturnsUnknownWithinItsTimeLimit()
    {
        var context = new CheckContext { TimeLimit = TimeSpan.FromSeconds(1), Options = new Dictionary<string, string> { ["model"] = "register" } };
        var clock = Stopwatch.StartNew();
        var result = new LinearizabilityChecker().Check(Pathological(40), context);
        Assert.That(result.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(result.Summary, Does.Contain("time limit"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "a generous bound: the limit is 1 s");
    }

    [Test]
    public void CancellationIsHonouredInsideTheSearch()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var context = new CheckContext { Cancellation = cancel.Token, Options = new Dictionary<string, string> { ["model"] = "register" } };
        var result = new LinearizabilityChecker().Check(Pathological(40), context);
        Assert.That(result.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(result.Summary, Does.Contain("cancelled"));
    }

    [Test]
    public void TenThousandOperationHistoryGivesASmallWitness()
    {
        var ops = KvHistoryGenerator.Generate(10_000, 1, seed: 7, processes: 5);
        var gets = ops.Select((o, i) => (o, i)).Where(x => x.o.IsOk && x.o.F == "get" && x.i > ops.Count / 2).ToList();
        var (victim, at) = gets.First(x => ((object?[])x.o.Value!)[1] is string { Length: > 0 });
        ops[at] = victim with { Value = new object?[] { ((object?[])victim.Value!)[0], "" } };
        var context = new CheckContext { TimeLimit = TimeSpan.FromSeconds(60), Options = new Dictionary<string, string> { ["model"] = "kv" } };
        var result = new LinearizabilityChecker().Check(History.Of(ops), context);
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        var anomaly = result.Anomalies.Single();
        Assert.That(anomaly.OpIndices, Has.Count.LessThanOrEqualTo(12), anomaly.Explanation);
        Assert.That(anomaly.OpIndices, Does.Contain(victim.Index));
    }

    [Test]
    public void GeneratedKvHistoriesAreLinearizable()
    {
        var history = History.Of(KvHistoryGenerator.Generate(20_000, 50, seed: 3));
        var context = new CheckContext { TimeLimit = TimeSpan.FromSeconds(60), Options = new Dictionary<string, string> { ["model"] = "kv" } };
        var result = new LinearizabilityChecker().Check(history, context);
        Assert.That(result.Validity, Is.EqualTo(Validity.Valid), result.Summary);
        Assert.That(result.Stats["keys"], Is.EqualTo(50L));
    }
}
