using Harness.Core.Modules;
using Harness.Runner.Faults;
using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.Formats;
using Harness.Core.Generators;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Runner;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>The run loop against an in-memory stand-in (a test double of the scheduler's collaborators, not a
/// database a user would test): deadlines become info, info retires the process, faults are recorded and healed.</summary>
public class TestRunnerTests
{
    private sealed class StubCluster : IDatabase, IPartitionable
    {
        public List<string> Calls { get; } = [];
        public IReadOnlyList<string> Nodes { get; } = ["n1", "n2", "n3"];
        public Task SetupAsync(CancellationToken ct) { Calls.Add("setup"); return Task.CompletedTask; }
        public Task CollectLogsAsync(string directory, CancellationToken ct) { Calls.Add("logs"); return Task.CompletedTask; }
        public Task TeardownAsync(CancellationToken ct) { Calls.Add("teardown"); return Task.CompletedTask; }
        public Task ApplyGrudgeAsync(Grudge grudge, CancellationToken ct) { lock (Calls) Calls.Add("grudge " + grudge); return Task.CompletedTask; }
        public Task HealNetworkAsync(CancellationToken ct) { lock (Calls) Calls.Add("heal"); return Task.CompletedTask; }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A counter "workload": every 5th operation never answers, so the runner's deadline must fire.</summary>
    private sealed class HangingWorkload : IWorkload
    {
        private int _calls;
        public string Name => "stub";
        public IReadOnlyDictionary<string, string> CheckerOptions { get; } = new Dictionary<string, string>();
        public IClient OpenClient(ClientContext context) => new Client(this);
        public IGenerator Generator() => Gen.Repeat(_ => GenStep.Invoke("incr", 1L));
        public IGenerator? FinalGenerator() => Gen.EachProcess(() => Gen.Once("read", null));
        public IChecker Checker() => new CompositeChecker("none", []);

        private sealed class Client(HangingWorkload w) : IClient
        {
            public async Task<Completion> InvokeAsync(Op invocation, CancellationToken ct)
            {
                if (invocation.F == "incr" && Interlocked.Increment(ref w._calls) % 5 == 0)
                    await Task.Delay(Timeout.Infinite, ct);
                return Completion.Ok(invocation.F == "read" ? 0L : invocation.Value);
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    [Test]
    public async Task DeadlinesBecomeInfoProcessesRetireAndFaultsAreRecordedAndHealed()
    {
        var dir = Directory.CreateTempSubdirectory("harness-run-").FullName;
        var test = new TestSpec
        {
            TimeLimitSeconds = 2, Rate = 100, ConcurrencyPerNode = 2, OperationTimeoutSeconds = 0.2, RecoverySeconds = 0.1,
            NemesisIntervalSeconds = 0.3, FaultDurationSeconds = 0.4, Nemesis = ["partition"],
        };
        var cluster = new StubCluster();
        var schedule = FaultSchedule.Build([new(new PartitionFault(), ModuleOptions.Empty)], cluster.Nodes, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.4));
        var run = new TestRun(test, cluster, new HangingWorkload(), new PartitionNemesis(cluster, cluster.Nodes), schedule, dir);

        var history = await new TestRunner(run).RunAsync(CancellationToken.None);

        var client = history.Pairs().Where(p => !p.Invoke.IsNemesis).ToList();
        Assert.That(client.Count(p => p.Completion?.IsOk == true), Is.GreaterThan(50));
        var infos = client.Where(p => p.Completion?.IsInfo == true).ToList();
        Assert.That(infos, Is.Not.Empty);
        Assert.That(infos.All(p => p.Completion!.Error!.Contains("timeout", StringComparison.Ordinal)), Is.True);
        Assert.That(client.Max(p => p.Invoke.Process), Is.GreaterThanOrEqualTo(6), "a retired process continues under a fresh id");
        Assert.That(client.Where(p => p.Invoke.F == "read").Select(p => p.Invoke.Process).Distinct().Count(), Is.EqualTo(6), "one final read per live process");
        Assert.That(history.FaultWindows(), Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(cluster.Calls.Count(c => c.StartsWith("grudge", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2));
        Assert.That(cluster.Calls[^3..], Is.EqualTo(new[] { "heal", "logs", "teardown" }).Or.EqualTo(new[] { "heal", "heal", "logs" }).Or.Contains("teardown"));
        Assert.That(cluster.Calls[^1], Is.EqualTo("teardown"));
        var onDisk = JsonlHistory.Read(Path.Combine(dir, RunStore.HistoryFile));
        Assert.That(onDisk, Has.Count.EqualTo(history.Count));
        Directory.Delete(dir, true);
    }
}
