using System.Diagnostics;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Integration.Tests.Reliability;

/// <summary>
/// The Docker daemon restarted in the middle of a real run (issue 11's "faults of the environment"): a child
/// <c>harness run</c> on PostgreSQL records operations, the test stops <c>dockerd</c> (SIGTERM to the pid in
/// <c>/var/run/docker.pid</c>, which stops every container on the engine) and starts it again with
/// <c>ensure-docker.sh</c>. The run must end by itself with verdict unknown (exit 2) and a sentence naming the
/// engine in <c>results.json</c>; the history recorded before the restart must still be there, whole, and pass
/// <c>harness check</c>, which keeps the verdict unknown and the reason (from the folder's <c>interrupted.txt</c>). Explicit: it stops every container of every user of the engine, so it is run by hand on
/// an engine nobody else uses (its figures are in the README's "Running long and at scale").
/// </summary>
[TestFixture]
[Category("Docker")]
[Explicit("restarts the shared Docker daemon: stops every container on the engine")]
[NonParallelizable]
public sealed class DaemonRestartTests
{
    [Test]
    public async Task RunEndsUnknownNamingTheEngineAndKeepsItsHistory()
    {
        var store = Directory.CreateTempSubdirectory("harness-it-daemon-restart-").FullName;
        using var cli = HarnessCli.Start(null, ["run", "--name", "it-daemon-restart", "--time-limit", "120", "--nemesis", "none", "--store", store]);
        var runDir = await WaitForAsync(() => new RunStore(store).Runs().FirstOrDefault(), TimeSpan.FromMinutes(5));
        Assert.That(runDir, Is.Not.Null, "the run created its folder");
        var history = Path.Combine(runDir!, RunStore.HistoryFile);
        Assert.That(await WaitForAsync(() => Lines(history) >= 200 ? "ok" : null, TimeSpan.FromMinutes(5)), Is.Not.Null, "the run recorded 200 lines");

        var before = Lines(history);
        var watch = Stopwatch.StartNew();
        await RestartDaemonAsync();
        var restarted = watch.Elapsed;
        var exit = await cli.WaitForExitAsync(TimeSpan.FromMinutes(5));
        var ended = watch.Elapsed;
        TestContext.Out.WriteLine($"{before} lines before the restart, {Lines(history)} in the end; daemon back after {restarted.TotalSeconds:F1} s; harness exited {exit} {ended.TotalSeconds:F1} s after the stop began");

        Assert.That(exit, Is.EqualTo(2), "verdict unknown; output:\n" + string.Join("\n", cli.Lines));
        var results = File.ReadAllText(Path.Combine(runDir!, "results.json"));
        Assert.That(results, Does.Contain("Docker"), "results.json says the engine went away");
        Assert.That(Lines(history), Is.GreaterThanOrEqualTo(before), "nothing recorded before the restart was lost");
        var check = await HarnessCli.RunToEndAsync(TimeSpan.FromMinutes(3), null, "check", runDir!);
        Assert.That(check, Is.EqualTo(2), "harness check reads the history up to the restart and keeps the run's unknown verdict");
        Assert.That(File.ReadAllText(Path.Combine(runDir!, "results.json")), Does.Contain("Docker"), "and its reason");
        Directory.Delete(store, true);
    }

    private static async Task RestartDaemonAsync()
    {
        var pid = int.Parse(File.ReadAllText("/var/run/docker.pid").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using (var daemon = Process.GetProcessById(pid))
        {
            await Run("kill", "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var gone = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await daemon.WaitForExitAsync(gone.Token);
        }
        var script = Path.Combine(Path.GetDirectoryName(HarnessCli.Dll)!, "..", "..", "..", "..", "Harness.Docker", "scripts", "ensure-docker.sh");
        Assert.That(await Run("bash", Path.GetFullPath(script)), Is.EqualTo(0), "ensure-docker.sh started the daemon again");
    }

    private static async Task<int> Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        await p.WaitForExitAsync();
        return p.ExitCode;
    }

    private static int Lines(string path) => File.Exists(path) ? File.ReadLines(path).Count() : 0;

    private static async Task<string?> WaitForAsync(Func<string?> probe, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (probe() is { } found) return found;
            await Task.Delay(250);
        }
        return null;
    }
}
