using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.Formats;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

/// <summary>The environment failing mid-run (the Docker Engine gone, as the engine watchdog reports it) or a phase
/// throwing: the run ends early instead of crashing, the cluster is still torn down, the recording says why, and the
/// history up to then is on disk and pairs up (so it can be checked).</summary>
public class RunInterruptionTests
{
    private sealed class Cluster : IDatabase
    {
        public List<string> Calls { get; } = [];
        public IReadOnlyList<string> Nodes { get; } = ["n1", "n2"];
        public Task SetupAsync(CancellationToken ct) => Task.CompletedTask;
        public Task CollectLogsAsync(string directory, CancellationToken ct) => Task.CompletedTask;
        public Task TeardownAsync(CancellationToken ct)
        {
            Calls.Add("teardown");
            throw new InvalidOperationException("engine not reachable"); // as a teardown against a dead engine would
        }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Workload(IGenerator generator) : IWorkload
    {
        public string Name => "stub";
        public IReadOnlyDictionary<string, string> CheckerOptions { get; } = new Dictionary<string, string>();
        public IClient OpenClient(ClientContext context) => new Client();
        public IGenerator Generator() => generator;
        public IGenerator? FinalGenerator() => Gen.EachProcess(() => Gen.Once("read", null));
        public IChecker Checker() => new CompositeChecker("none", []);
    }

    private sealed class Client : IClient
    {
        public async Task<Completion> InvokeAsync(Op invocation, CancellationToken ct)
        {
            await Task.Delay(2, ct);
            return Completion.Ok(invocation.Value);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class EngineGone : IRunWatchdog
    {
        public int Asked;
        public Task<string?> ProblemAsync(CancellationToken cancellationToken) =>
            Task.FromResult(++Asked >= 2 ? "the Docker Engine at unix:///var/run/docker.sock stopped answering during the run" : null);
    }

    private static TestSpec Test => new() { TimeLimitSeconds = 120, Rate = 200, ConcurrencyPerNode = 2, OperationTimeoutSeconds = 1, RecoverySeconds = 0 };

    [Test]
    public async Task TheEngineGoingAwayEndsTheRunWithAReasonAndAWholeHistory()
    {
        var dir = Directory.CreateTempSubdirectory("harness-interrupt-").FullName;
        var cluster = new Cluster();
        var watchdog = new EngineGone();
        var run = new TestRun(Test, cluster, new Workload(Gen.Repeat(_ => GenStep.Invoke("write", 1L))), null, null, dir) { Watchdog = watchdog };

        var recording = await new TestRunner(run).RecordAsync(CancellationToken.None);

        Assert.That(recording.Interrupted, Is.True);
        Assert.That(recording.Interruption, Does.Contain("stopped answering"));
        Assert.That(cluster.Calls, Is.EqualTo(new[] { "teardown" }), "torn down; its failure does not hide the history");
        var ops = CompactHistoryReader.Read(recording.HistoryPath);
        Assert.That(ops, Has.Count.EqualTo(recording.Operations).And.Count.GreaterThan(10));
        Assert.That(ops[^1].Time, Is.LessThan(60_000_000_000L), "the run stopped long before its 120 s limit");
        Assert.That(ops.Any(o => o.F == "read"), Is.False, "no final reads after the engine went away");
        Assert.DoesNotThrow(() => History.History.Of(ops));
        Directory.Delete(dir, true);
    }

    [Test]
    public async Task APhaseThatThrowsEndsTheRunWithItsMessage()
    {
        var dir = Directory.CreateTempSubdirectory("harness-interrupt-").FullName;
        var n = 0;
        var generator = Gen.Repeat(_ => Interlocked.Increment(ref n) < 50 ? GenStep.Invoke("write", 1L) : throw new InvalidOperationException("generator broke"));
        var run = new TestRun(Test, new Cluster(), new Workload(generator), null, null, dir);

        var recording = await new TestRunner(run).RecordAsync(CancellationToken.None);

        Assert.That(recording.Interruption, Does.Contain("generator broke"));
        Assert.That(CompactHistoryReader.Read(recording.HistoryPath).Count(o => o.IsInvoke), Is.EqualTo(49));
        Directory.Delete(dir, true);
    }
}
