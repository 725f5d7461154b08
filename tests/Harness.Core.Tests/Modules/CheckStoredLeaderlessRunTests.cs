using Harness.Check;
using Harness.Cli;
using Harness.Cli.Commands;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using Harness.Core.Testing;
using NUnit.Framework;

namespace Harness.Core.Tests.Modules;

/// <summary><c>harness check</c> of a stored Swift run applies the checker modules its database adds, as the run did:
/// a hand-made register run where a write through a proxy 5 s behind (swift3) was acknowledged after an earlier write
/// through swift1, yet every replica ended with the earlier one (last-writer-wins dropped it).</summary>
public class CheckStoredLeaderlessRunTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("harness-check-swift-").FullName;
        var test = new TestSpec { Name = "swift-lww", Database = "swift", Workload = "register", Nemesis = [], Nodes = 3 };
        File.WriteAllText(Path.Combine(_dir, "test.json"), HarnessModulesResolve(test).ToJson());
        var ops = new List<Op>
        {
            new(0, 100_000_000, OpType.Invoke, 0, "write", new List<object?> { 1L, 1L }, "swift1"),
            new(1, 200_000_000, OpType.Ok, 0, "write", new List<object?> { 1L, 1L }, "swift1"),
            new(2, 1_000_000_000, OpType.Invoke, 1, "write", new List<object?> { 1L, 2L }, "swift3"),
            new(3, 1_100_000_000, OpType.Ok, 1, "write", new List<object?> { 1L, 2L }, "swift3"),
        };
        JsonlHistory.Write(Path.Combine(_dir, "history.jsonl"), ops);
        const string copy = "{\"value\":\"1\",\"ts\":\"100.5\"}";
        File.WriteAllLines(Path.Combine(_dir, "convergence.jsonl"),
        [
            """{"phase":"cluster","nodes":["swift1","swift2","swift3"],"clock-offsets":{"swift3":-5},"registers":{"container":"register","prefix":"r"}}""",
            $$$"""{"phase":"final","heal":0,"healMs":0,"tMs":1,"container":"register","object":"r1","primaries":["swift1","swift2","swift3"],"copies":{"swift1":{{{copy}}},"swift2":{{{copy}}},"swift3":{{{copy}}}}}""",
        ]);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static TestSpec HarnessModulesResolve(TestSpec spec) => Harness.Lab.HarnessModules.Registry.Resolve(spec);

    [Test]
    public void TheRunsOwnWorkloadGetsTheLeaderlessCheckersBesideIt()
    {
        var test = TestSpec.FromJson(File.ReadAllText(Path.Combine(_dir, "test.json")));
        var (checker, _, _) = CheckerChoice.Choose(new CheckCommand(), null, null, test, _dir);
        Assert.That(checker.Name, Is.EqualTo("register-workload+leaderless"));
        var (named, _, _) = CheckerChoice.Choose(new CheckCommand(), null, "set", test, _dir);
        Assert.That(named.Name, Does.Not.Contain("leaderless"), "another workload's checker named with --workload is that checker alone");
    }

    [Test]
    public async Task CheckingTheStoredRunFindsTheWriteLostToLastWriterWins()
    {
        var exit = await Program.Main(["check", _dir]);
        var result = CheckResultJson.Read(Path.Combine(_dir, "results.json"));
        var lww = result.Flatten().Single(r => r.Checker == "lww-loss");
        Assert.That(lww.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(Convert.ToInt64(lww.Stats["lww-lost-count"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(1));
        Assert.That(lww.Anomalies.Single().Explanation, Does.Contain("clock -5 s"));
        Assert.That(result.Flatten().Select(r => r.Checker), Does.Contain("convergence").And.Contain("linearizability"));
        Assert.That(result.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(exit, Is.EqualTo(ExitCodes.Invalid));
    }
}
