using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Core.Tests.Check;

/// <summary>A run that was interrupted (the engine went away) keeps its unknown verdict when its folder is checked
/// again: <c>harness check</c> reads the reason from <c>interrupted.txt</c> and wraps what the history shows, while the
/// same folder without that file is judged on its history alone.</summary>
[TestFixture]
public sealed class InterruptedRunCheckTests
{
    [TestCase(true, 2)]
    [TestCase(false, 0)]
    public async Task ACheckOfTheFolderKeepsTheInterruption(bool interrupted, int expectedExit)
    {
        var store = Directory.CreateTempSubdirectory("harness-interrupted-check-").FullName;
        var dir = new RunStore(store).CreateRun(new TestSpec { Name = "interrupted-run", Database = "postgres", Workload = "register" }, DateTime.UtcNow);
        File.WriteAllLines(Path.Combine(dir, RunStore.HistoryFile),
        [
            """{"index":0,"time":1000,"type":"invoke","process":0,"f":"write","value":[1,5]}""",
            """{"index":1,"time":2000,"type":"ok","process":0,"f":"write","value":[1,5]}""",
            """{"index":2,"time":3000,"type":"invoke","process":1,"f":"read","value":[1,null]}""",
            """{"index":3,"time":4000,"type":"ok","process":1,"f":"read","value":[1,5]}""",
        ]);
        RunStore.MarkComplete(dir);
        if (interrupted) File.WriteAllText(Path.Combine(dir, InterruptedRun.FileName), "the Docker daemon was restarted during the run\n");

        var outcome = await CheckProcess.CliAsync("check", dir);

        Assert.That(outcome.Code, Is.EqualTo(expectedExit), outcome.Stdout + outcome.Stderr);
        var results = File.ReadAllText(Path.Combine(dir, RunStore.ResultsFile));
        if (interrupted) Assert.That(results, Does.Contain("the run was interrupted: the Docker daemon was restarted"));
        else Assert.That(results, Does.Not.Contain("interrupted"));
        Directory.Delete(store, true);
    }
}
