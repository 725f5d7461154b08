using System.Diagnostics;
using Harness.Docker;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Integration.Tests.Reliability;

/// <summary>
/// SIGKILL of the harness in each phase (cluster start, running, healing with a partition in force, final reads,
/// checking, report writing; the last four held by
/// <c>HARNESS_PAUSE_AT</c> so the kill lands there), then a fresh <c>harness run</c> in the same store: it starts
/// cleanly and its start-up sweep removes the killed run's containers and network (their owner pid is dead), the
/// killed run is marked incomplete in the store index, and its history (when it had begun) passes <c>harness check</c>.
/// Only containers labelled with the killed run's id are looked at; other users of the engine are not touched.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class CrashSafetyTests
{
    [TestCase("cluster")]
    [TestCase("running")]
    [TestCase("healing")]
    [TestCase("final reads")]
    [TestCase("checking")]
    [TestCase("report")]
    public async Task KilledRunIsSweptMarkedIncompleteAndStaysCheckable(string phase)
    {
        var store = Directory.CreateTempSubdirectory($"harness-it-crash-{phase.Replace(' ', '-')}-").FullName;
        var env = phase is "cluster" or "running" ? null : new Dictionary<string, string> { ["HARNESS_PAUSE_AT"] = phase };
        // healing needs a fault to heal: a partition is in force when the harness dies there
        string[] faults = phase == "healing" ? ["--nemesis", "partition", "--nemesis-interval", "1", "--fault-duration", "30"] : ["--nemesis", "none"];
        // final reads belong to the set workload (the register workload has none)
        if (phase == "final reads") faults = [.. faults, "--workload", "set"];
        string runDir;
        var name = "it-crash-" + phase.Replace(' ', '-');
        using (var cli = HarnessCli.Start(env, ["run", "--name", name, "--time-limit", "4", .. faults, "--store", store]))
        {
            runDir = await WaitForRunDirAsync(store, cli);
            var reached = phase switch
            {
                "cluster" => await Poll.UntilAsync(async () => (await ContainersAsync(RunId(runDir))).Length > 0, TimeSpan.FromMinutes(4)),
                "running" => await Poll.UntilAsync(() => Task.FromResult(HistoryLines(runDir) >= 20), TimeSpan.FromMinutes(4)),
                _ => await cli.WaitForLineAsync("pause: " + phase, TimeSpan.FromMinutes(5)),
            };
            Assert.That(reached, Is.True, $"the harness reached {phase}");
            await cli.KillAsync();
        }
        Assert.That(RunStore.IsIncomplete(runDir), Is.True, "running.pid names the dead harness");
        var leftBehind = await ContainersAsync(RunId(runDir));
        TestContext.Out.WriteLine($"killed in {phase}: {leftBehind.Length} container(s) left behind");

        var next = await HarnessCli.RunToEndAsync(TimeSpan.FromMinutes(6), null, "run", "--name", name + "-next", "--time-limit", "3", "--nemesis", "none", "--store", store);
        Assert.That(next, Is.AnyOf(0, 1, 2), "the next run started cleanly and finished with a verdict");
        Assert.That(await ContainersAsync(RunId(runDir)), Is.Empty, "the start-up sweep removed the killed run's containers");
        Assert.That(await NetworksAsync(RunId(runDir)), Is.Empty, "and its network");
        var index = File.ReadAllText(Path.Combine(store, "index.html"));
        Assert.That(index, Does.Contain("INCOMPLETE"), "the store index marks the killed run incomplete");
        if (phase != "cluster")
        {
            var check = await HarnessCli.RunToEndAsync(TimeSpan.FromMinutes(3), null, "check", runDir);
            Assert.That(check, Is.AnyOf(0, 1, 2), "harness check accepts the killed run's history");
            Assert.That(RunStore.IsIncomplete(runDir), Is.True, "re-checking does not pretend the run finished");
        }
        Directory.Delete(store, true);
    }

    private static string RunId(string runDir) => Path.GetFileName(runDir).ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);

    private static int HistoryLines(string runDir)
    {
        var path = Path.Combine(runDir, RunStore.HistoryFile);
        return File.Exists(path) ? File.ReadLines(path).Count() : 0;
    }

    private static async Task<string> WaitForRunDirAsync(string store, HarnessCli cli)
    {
        string? dir = null;
        var found = await Poll.UntilAsync(() =>
        {
            dir = new RunStore(store).Runs().FirstOrDefault(); // the run's own folder, not a "latest" link to it
            return Task.FromResult(dir is not null);
        }, TimeSpan.FromMinutes(5));
        Assert.That(found, Is.True, "the run created its folder; output:\n" + string.Join("\n", cli.Lines));
        return dir!;
    }

    private static async Task<string[]> ContainersAsync(string runId) =>
        Ids(await DockerCli.Default.RunCheckedAsync(["ps", "-aq", "--filter", "label=" + HarnessLabels.Run(runId)], TimeSpan.FromSeconds(60), CancellationToken.None));

    private static async Task<string[]> NetworksAsync(string runId) =>
        Ids(await DockerCli.Default.RunCheckedAsync(["network", "ls", "-q", "--filter", "label=" + HarnessLabels.Run(runId)], TimeSpan.FromSeconds(60), CancellationToken.None));

    private static string[] Ids(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
