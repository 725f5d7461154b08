using System.Diagnostics;
using Harness.Core.Formats;
using Harness.Docker;
using NUnit.Framework;

namespace Harness.Integration.Tests.Runs;

/// <summary>The harness as a separate process: killed with SIGKILL mid-run it leaves a history that
/// <c>harness check</c> accepts, and <c>harness clean</c> removes what the killed run left behind.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class HarnessProcessTests
{
    /// <summary>The CLI as the solution build left it (the tests run it as a process; they do not reference it).</summary>
    private static readonly string Cli = FindCli();

    private static string FindCli()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? ".", "src", "Harness.Cli", "bin", "Release", "net10.0", "harness.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first (dotnet build -c Release): no " + path);
    }

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) TestContext.Progress.WriteLine("harness> " + e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) TestContext.Progress.WriteLine("harness! " + e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task<int> RunToEndAsync(TimeSpan timeout, params string[] args)
    {
        using var p = Start(args);
        using var cts = new CancellationTokenSource(timeout);
        await p.WaitForExitAsync(cts.Token);
        return p.ExitCode;
    }

    [Test]
    public async Task KilledMidRunLeavesACheckableHistoryAndCleanRemovesTheCluster()
    {
        var store = Directory.CreateTempSubdirectory("harness-it-kill-").FullName;
        using (var run = Start("run", "--name", "it-sigkill", "--time-limit", "120", "--nemesis", "partition", "--nemesis-interval", "2", "--store", store))
        {
            var history = await WaitForOpsAsync(store, 300, TimeSpan.FromSeconds(120));
            run.Kill(entireProcessTree: true); // SIGKILL: no cleanup, no flush beyond what was written
            await run.WaitForExitAsync();
            Assert.That(run.ExitCode, Is.EqualTo(137).Or.Not.EqualTo(0), "the harness was killed, not finished");
            var ops = JsonlHistory.Read(history);
            Assert.That(ops, Has.Count.GreaterThanOrEqualTo(300));
            Assert.DoesNotThrow(() => Core.History.History.Of(ops), "the history pairs up");
            var checkExit = await RunToEndAsync(TimeSpan.FromMinutes(2), "check", Path.GetDirectoryName(history)!, "--model", "cas-register");
            Assert.That(checkExit, Is.AnyOf(0, 1, 2), "harness check accepted the history of a killed run");
        }
        Assert.That(await LabelledAsync(), Is.Not.Empty, "the killed run left its cluster behind");
        Assert.That(await RunToEndAsync(TimeSpan.FromMinutes(2), "clean"), Is.EqualTo(0));
        Assert.That(await LabelledAsync(), Is.Empty, "harness clean left labelled containers or networks");
    }

    private static async Task<string> WaitForOpsAsync(string store, int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var file = Directory.Exists(store) ? Directory.EnumerateFiles(store, "history.jsonl", SearchOption.AllDirectories).FirstOrDefault() : null;
            if (file is not null && File.ReadLines(file).Count() >= count) return file;
            await Task.Delay(500);
        }
        throw new TimeoutException($"no history with {count} operations in {store} after {timeout}");
    }

    private static async Task<string> LabelledAsync()
    {
        var docker = DockerCli.Default;
        var containers = await docker.RunCheckedAsync(["ps", "-aq", "--filter", "label=" + HarnessLabels.Managed], TimeSpan.FromSeconds(30), CancellationToken.None);
        var networks = await docker.RunCheckedAsync(["network", "ls", "-q", "--filter", "label=" + HarnessLabels.Managed], TimeSpan.FromSeconds(30), CancellationToken.None);
        return (containers + networks).Trim();
    }
}
