using Harness.Checkers.Leaderless;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Leaderless;

/// <summary>The leaderless checker module over a run directory's replica log: header, final replica values feeding
/// last-writer-wins, visibility only when partitioned, placement table.</summary>
public class LeaderlessCheckerTests
{
    private static object?[] Kv(long key, long? value) => [key, value];

    private const string Header = """{"phase":"cluster","nodes":["n1","n2","n3","n4"],"clock-offsets":{"n3":-5},"registers":{"container":"register","prefix":"r"}}""";

    private static string Final(string obj, string value, params string[] holders) =>
        $$"""{"phase":"final","heal":0,"healMs":0,"tMs":5000,"container":"register","object":"{{obj}}","primaries":["n1","n2","n3"],"copies":{""" +
        string.Join(",", new[] { "n1", "n2", "n3", "n4" }.Select(n => holders.Contains(n) ? $$"""  "{{n}}":{"value":"{{value}}","ts":"7.0"}""" : $"\"{n}\":null")) + "}}";

    private static CheckResult Check(ScriptedHistory h, bool registers, params string[] lines)
    {
        var dir = Directory.CreateTempSubdirectory("leaderless-").FullName;
        try
        {
            if (lines.Length > 0) File.WriteAllLines(Path.Combine(dir, "convergence.jsonl"), lines);
            var test = new Core.Testing.TestSpec { Workload = registers ? "register" : "set" };
            return new LeaderlessCheckers().Create(test, dir).Check(h.Build(), CheckContext.Default);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>1 via n1, then 2 via n3 (clock 5 s behind) after it; the replicas settle on 1.</summary>
    private static ScriptedHistory TwoWrites() =>
        new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 10, "n1").Done(1, "write", Kv(0, 2), 20, 30, "n3");

    [Test]
    public void FinalReplicaValuesFromTheLogCatchALastWriterWinsLossWithTheClockOffset()
    {
        var r = Check(TwoWrites(), true, Header, Final("r0", "1", "n1", "n2", "n3"));
        var lww = r.Flatten().Single(c => c.Checker == "lww-loss");
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid), r.Summary);
        Assert.That(lww.Stats["lww-lost-count"], Is.EqualTo(1L));
        Assert.That(lww.Anomalies.Single().Explanation, Does.Contain("via n3 (clock -5 s)"));
        Assert.That(r.Flatten().Select(c => c.Checker), Does.Not.Contain("sloppy-quorum-visibility"), "no partition, nothing to measure");
    }

    [Test]
    public void TheLaterWriteSettlingIsValidAndThePlacementTableListsTheObject()
    {
        var r = Check(TwoWrites(), true, Header, Final("r0", "2", "n1", "n2", "n3", "n4"));
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        var convergence = r.Flatten().Single(c => c.Checker == "convergence");
        var table = (IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)convergence.Details!)["table"]!;
        var row = (object?[])((IReadOnlyList<object?>)table["rows"]!)[0]!;
        Assert.That(row[0], Is.EqualTo("register/r0"));
        Assert.That(row[1], Is.EqualTo("n1, n2, n3"));
        Assert.That(row[2], Is.EqualTo("n4"), "n4 is a handoff that held a copy");
    }

    [Test]
    public void APartitionedHistoryAddsVisibility()
    {
        var h = TwoWrites();
        h.Call(Op.NemesisProcess, "start-partition", new object?[] { "isolate", "n1" }, 40, 40, OpType.Info, "n1 isolated");
        h.Call(Op.NemesisProcess, "stop-partition", null, 100, 100, OpType.Info, "healed");
        var r = Check(h, true, Header, Final("r0", "2", "n1", "n2", "n3"));
        Assert.That(r.Flatten().Select(c => c.Checker), Does.Contain("sloppy-quorum-visibility"));
    }

    [Test]
    public void WithoutAReplicaLogNothingCanBeDecided()
    {
        var r = Check(TwoWrites(), true);
        Assert.That(r.Validity, Is.EqualTo(Validity.Unknown), r.Summary);
    }

    [Test]
    public void SetRunsGetConvergenceOnly()
    {
        var r = Check(new ScriptedHistory().Done(0, "add", 1L, 0, 10, "n1"), false, Header, Final("e1", "1", "n1", "n2", "n3"));
        Assert.That(r.Children.Select(c => c.Checker), Is.EqualTo(new[] { "convergence" }));
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
    }

    [Test]
    public void AHeaderlessOrBrokenLogGivesEmptyValues()
    {
        var log = ReplicaLog.Parse(["not json", """{"phase":"cluster","nodes":"oops"}""", Final("r1", "3", "n1", "n2", "n3")]);
        Assert.That(log.Nodes, Is.Empty);
        Assert.That(log.Samples, Has.Count.EqualTo(1));
        Assert.That(log.FinalRegisterValues(), Is.Empty, "no header: the register objects are unknown");
    }
}
