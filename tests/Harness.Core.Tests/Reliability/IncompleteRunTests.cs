using System.Diagnostics;
using Harness.Core.Storage;
using Harness.Core.Testing;
using Harness.Reports;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

/// <summary>A run folder carries running.pid from creation until its results and report are written: while its harness
/// lives the index says "running", once that process is dead the run is incomplete (and says so in the index),
/// and a finished run has no marker.</summary>
public class IncompleteRunTests
{
    private string _store = "";

    [SetUp]
    public void SetUp() => _store = Directory.CreateTempSubdirectory("harness-store-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_store, recursive: true);

    [Test]
    public void ALiveRunIsRunningAKilledOneIncompleteAndAFinishedOneNeither()
    {
        var store = new RunStore(_store);
        var live = store.CreateRun(new TestSpec { Name = "live-run" }, new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        var killed = store.CreateRun(new TestSpec { Name = "killed-run" }, new DateTime(2026, 12, 1, 11, 0, 0, DateTimeKind.Utc));
        var finished = store.CreateRun(new TestSpec { Name = "finished-run" }, new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc));
        Assert.That(RunStore.Owner(live), Is.EqualTo(ProcessIdentity.Current));
        using (var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            p.WaitForExit();
            File.WriteAllText(Path.Combine(killed, RunStore.RunningFile), new ProcessIdentity(Environment.MachineName, p.Id, 0) + "\n");
        }
        RunStore.MarkComplete(finished);

        Assert.That(RunStore.IsIncomplete(live), Is.False);
        Assert.That(RunStore.IsIncomplete(killed), Is.True);
        Assert.That(RunStore.IsIncomplete(finished), Is.False);
        Assert.That(store.Runs().Count(), Is.EqualTo(3), "the latest links are not runs");

        var html = File.ReadAllText(StoreIndex.Write(_store));
        Assert.That(Row(html, "killed-run"), Does.Contain("INCOMPLETE"));
        Assert.That(Row(html, "live-run"), Does.Contain("running").And.Not.Contain("INCOMPLETE"));
        Assert.That(Row(html, "finished-run"), Does.Contain("no result").And.Not.Contain("INCOMPLETE"));
    }

    private static string Row(string html, string test)
    {
        var at = html.IndexOf("<td>" + test + "</td>", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0), test + " is listed");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}
