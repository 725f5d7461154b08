using System.Diagnostics;
using Harness.Core.Databases;
using Harness.Workloads.Postgres.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The heartbeat lag probe's arithmetic without a cluster, and the heartbeat field of <c>lag.jsonl</c>.</summary>
public class PostgresHeartbeatTests
{
    private static long Ago(double ms) => Stopwatch.GetTimestamp() - (long)(ms / 1000.0 * Stopwatch.Frequency);

    [Test]
    public async Task LagIsTheTimeSinceTheFirstMissingHeartbeatWasAcknowledged()
    {
        await using var probe = new HeartbeatProbe(() => "pg1", _ => "", TimeSpan.FromMilliseconds(100));
        Assert.That(probe.LagMs(0), Is.Null, "nothing acknowledged yet: unknown");

        probe.Acknowledge(1, Ago(900));
        probe.Acknowledge(2, Ago(600));
        probe.Acknowledge(3, Ago(300));

        Assert.That(probe.LagMs(3), Is.EqualTo(0), "shows the newest acknowledged beat");
        Assert.That(probe.LagMs(7), Is.EqualTo(0), "shows a beat newer than any acknowledgement (replayed before the ack arrived)");
        Assert.That(probe.LagMs(2), Is.GreaterThanOrEqualTo(300).And.LessThan(600), "missing beat 3");
        Assert.That(probe.LagMs(1), Is.GreaterThanOrEqualTo(600).And.LessThan(900), "missing beats 2 and 3");
        Assert.That(probe.LagMs(0), Is.GreaterThanOrEqualTo(900), "missing every beat");
    }

    [Test]
    public void HeartbeatLagRoundTripsThroughLagJsonl()
    {
        var sample = new LagSample(5_000_000, "pg2", ReplayLagMs: 1.5, State: "streaming", HeartbeatLagMs: 212.25);
        var line = LagJsonl.Serialize(sample);
        Assert.That(line, Does.Contain("\"heartbeat-lag-ms\":212.25"));
        Assert.That(LagJsonl.Parse(line), Is.EqualTo(sample));
        Assert.That(LagJsonl.Parse("""{"time":1,"node":"pg3"}""").HeartbeatLagMs, Is.Null);
    }
}
