using System.Diagnostics;
using Harness.Core.Storage;
using Harness.Docker;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

/// <summary>Telling a live harness from a dead one: this process is alive; a process that exited is dead; a recycled
/// pid (same number, other start time) is dead; a process on another host is never judged dead. The sweep's pure
/// decision picks exactly the runs whose owner label names a dead process.</summary>
public class ProcessIdentityTests
{
    [Test]
    public void TheCurrentProcessIsAliveAndRoundTrips()
    {
        var me = ProcessIdentity.Current;
        Assert.That(me.IsAlive, Is.True);
        Assert.That(ProcessIdentity.Parse(me.ToString()), Is.EqualTo(me));
        Assert.That(ProcessIdentity.Parse("not an identity"), Is.Null);
    }

    [Test]
    public void AnExitedProcessAndARecycledPidAreDead()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.That(new ProcessIdentity(Environment.MachineName, p.Id, 0).IsAlive, Is.False, "exited");
        Assume.That(ProcessIdentity.Current.StartTicks, Is.Not.Zero, "start times come from /proc (Linux)");
        var init = new ProcessIdentity(Environment.MachineName, 1, 987_654_321);
        Assert.That(init.IsAlive, Is.False, "pid 1 exists, but not with that start time: a recycled pid");
        Assert.That(new ProcessIdentity("some-other-host", p.Id, 0).IsAlive, Is.True, "another host's process is not ours to judge");
    }

    [Test]
    public void TheSweepPicksOnlyRunsWhoseOwnerIsDead()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        var dead = new ProcessIdentity(Environment.MachineName, p.Id, 0).ToString();
        var alive = ProcessIdentity.Current.ToString();
        IDictionary<string, string> Labels(string run, string? owner)
        {
            var l = new Dictionary<string, string> { [HarnessLabels.ManagedKey] = "true", [HarnessLabels.RunKey] = run };
            if (owner is not null) l[HarnessLabels.OwnerKey] = owner;
            return l;
        }
        var runs = StaleRunSweeper.DeadRuns(
        [
            Labels("killed", dead), Labels("killed", dead), Labels("live", alive), Labels("old-version", null),
            Labels("remote", "other-host/1/1"), null,
        ]);
        Assert.That(runs, Is.EqualTo(new[] { "killed" }));
    }
}
