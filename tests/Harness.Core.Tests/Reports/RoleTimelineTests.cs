using Harness.Core.Databases;
using Harness.Core.History;
using Harness.Reports.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>Roles from hand-made lag samples and nemesis records: the unsampled node is primary until a recorded
/// promotion hands over; a killed primary is down until it rejoins; a standby without a replication row is disconnected.</summary>
public class RoleTimelineTests
{
    private static readonly long S = 1_000_000_000;

    private static RoleTimeline Timeline()
    {
        var lag = new List<LagSample>();
        for (var t = 0; t < 20; t++)
        {
            if (t < 8) lag.AddRange([new LagSample(t * S, "pg2", ReplayLagMs: 1, State: "streaming"), new LagSample(t * S, "pg3", ReplayLagMs: 1, State: "streaming")]);
            else if (t >= 10) lag.AddRange([new LagSample(t * S, "pg1", State: t < 15 ? "unreachable" : "streaming", ReplayLagMs: t < 15 ? null : 1),
                new LagSample(t * S, "pg3", State: t is 11 or 12 ? "disconnected" : "streaming", ReplayLagMs: t is 11 or 12 ? null : 1)]);
        }
        var window = new FaultWindow("partition-failover", 5 * S, 15 * S, "x")
        {
            InEffectNs = 9 * S,
            StopInvokedNs = 14 * S,
            Phases = [new FaultPhase("isolation", 5 * S, 8 * S, "pg1"), new FaultPhase("kill", 8 * S, 8 * S + S / 2, "pg1"), new FaultPhase("promotion", 8 * S + S / 2, 9 * S, "pg2")],
        };
        return RoleTimeline.Of(lag, [window], [], 20 * S);
    }

    [Test]
    public void PrimaryChangesAtTheEndOfThePromotion()
    {
        var roles = Timeline();
        Assert.That(roles.Nodes, Is.EqualTo(new[] { "pg1", "pg2", "pg3" }));
        Assert.That(roles.PrimaryAt(3 * S), Is.EqualTo("pg1"));
        Assert.That(roles.PrimaryAt(9 * S - 1), Is.EqualTo("pg1"));
        Assert.That(roles.PrimaryAt(9 * S), Is.EqualTo("pg2"));
        Assert.That(roles.Failovers.Single(), Is.EqualTo((9 * S, "pg2")));
    }

    [Test]
    public void KilledPrimaryIsDownUntilHealedAndAStandbyWithoutARowIsDisconnected()
    {
        var roles = Timeline();
        var down = roles.Roles.Single(r => r.Role == "down");
        Assert.That((down.Node, down.StartNs, down.EndNs), Is.EqualTo(("pg1", 8 * S, 15 * S)));
        var pg3 = roles.Roles.Where(r => r.Node == "pg3").ToList();
        Assert.That(pg3.Any(r => r.Role == "disconnected" && r.StartNs == 11 * S && r.EndNs == 13 * S), Is.True);
        Assert.That(roles.Roles.Where(r => r.Node == "pg2" && r.Role == "streaming").Max(r => r.EndNs), Is.LessThanOrEqualTo(9 * S),
            "pg2 stops being a standby when it is promoted");
    }
}
