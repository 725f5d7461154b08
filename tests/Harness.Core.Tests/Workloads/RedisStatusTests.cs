using Harness.Workloads.Redis;
using Harness.Workloads.Redis.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>Reading what a Redis node reports (its sentinel's view and INFO replication), the sentinels' majority,
/// the health rule, and lag samples from replication offsets.</summary>
public class RedisStatusTests
{
    private static readonly Dictionary<string, string> Ips = new() { ["redis1"] = "10.1.2.11", ["redis2"] = "10.1.2.12", ["redis3"] = "10.1.2.13" };

    private const string Master = """
        sentinel-master:10.1.2.11
        sentinel-ckquorum:OK 3 usable Sentinels. Quorum and failover authorization can be reached
        sentinel-flags:master
        sentinel-num-slaves:2
        sentinel-num-other-sentinels:2
        # Replication
        role:master
        connected_slaves:2
        slave0:ip=10.1.2.12,port=6379,state=online,offset=5000,lag=0
        slave1:ip=10.1.2.13,port=6379,state=online,offset=4200,lag=1
        master_failover_state:no-failover
        master_repl_offset:5042
        """;

    private static string Replica(string masterIp = "10.1.2.11", string link = "up", string sentinelMaster = "10.1.2.11") => $"""
        sentinel-master:{sentinelMaster}
        sentinel-ckquorum:OK 3 usable Sentinels. Quorum and failover authorization can be reached
        sentinel-flags:master
        sentinel-num-slaves:2
        # Replication
        role:slave
        master_host:{masterIp}
        master_port:6379
        master_link_status:{link}
        master_repl_offset:5000
        """;

    [Test]
    public void AMastersStatusListsItsReplicasWithOffsets()
    {
        var status = RedisNodeStatus.Parse(Master.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.That(status.SentinelMasterIp, Is.EqualTo("10.1.2.11"));
        Assert.That(status.QuorumOk, Is.True);
        Assert.That(status.SentinelReplicas, Is.EqualTo(2));
        Assert.That(status.Role, Is.EqualTo("master"));
        Assert.That(status.MasterOffset, Is.EqualTo(5042L));
        Assert.That(status.Replicas, Is.EqualTo(new[] { new RedisReplicaInfo("10.1.2.12", "online", 5000, 0), new RedisReplicaInfo("10.1.2.13", "online", 4200, 1) }));
    }

    [Test]
    public void UnansweredOrFailedQuestionsAreMissingNotWrong()
    {
        var status = RedisNodeStatus.Parse("""
            sentinel-master:Could not connect to Redis at 127.0.0.1:26379: Connection refused
            sentinel-ckquorum:NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the majority
            sentinel-flags:
            """);
        Assert.That(status.SentinelMasterIp, Is.Null);
        Assert.That(status.QuorumOk, Is.False);
        Assert.That(status.SentinelReplicas, Is.Null);
        Assert.That(status.Role, Is.Null);
        Assert.That(status.Replicas, Is.Empty);
    }

    [Test]
    public void TheMajorityOfSentinelsNamesTheMasterAndACutOffSentinelIsOutvoted()
    {
        var views = new[] { Replica(sentinelMaster: "10.1.2.11"), Replica(sentinelMaster: "10.1.2.12"), Replica(sentinelMaster: "10.1.2.12") }
            .Select(RedisNodeStatus.Parse).ToList<RedisNodeStatus?>();
        Assert.That(SentinelView.MajorityMaster(views, 2), Is.EqualTo("10.1.2.12"));
        Assert.That(SentinelView.MajorityMaster([views[0], views[1], null], 2), Is.Null, "one vote each is no majority");
    }

    [Test]
    public void HealthNeedsAgreementQuorumAndEveryReplicaOnline()
    {
        var healthy = new Dictionary<string, RedisNodeStatus?>
        {
            ["redis1"] = RedisNodeStatus.Parse(Master), ["redis2"] = RedisNodeStatus.Parse(Replica()), ["redis3"] = RedisNodeStatus.Parse(Replica()),
        };
        Assert.That(SentinelView.Problem(healthy, n => Ips[n]), Is.Null);

        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis3"] = null }, n => Ips[n]), Does.Contain("redis3"));
        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis3"] = RedisNodeStatus.Parse(Replica(link: "down")) }, n => Ips[n]),
            Does.Contain("link"));
        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis2"] = RedisNodeStatus.Parse(Replica(sentinelMaster: "10.1.2.13")) }, n => Ips[n]),
            Does.Contain("disagree"));
        var oneOffline = Master.Replace("slave1:ip=10.1.2.13,port=6379,state=online", "slave1:ip=10.1.2.13,port=6379,state=wait_bgsave", StringComparison.Ordinal);
        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis1"] = RedisNodeStatus.Parse(oneOffline) }, n => Ips[n]),
            Does.Contain("redis3 is not online"));
    }

    [Test]
    public void LagIsTheReplicationOffsetDistanceAndTheAgeOfTheLastAcknowledgement()
    {
        var samples = LagProbe.Samples(7, RedisNodeStatus.Parse(Master), ["redis2", "redis3"], n => Ips[n]);
        Assert.That(samples.Select(s => s.LsnBehindBytes), Is.EqualTo(new long?[] { 42, 842 }));
        Assert.That(samples.Select(s => s.ReplayAgeMs), Is.EqualTo(new double?[] { 0, 1000 }));
        Assert.That(samples.Select(s => s.State), Is.All.EqualTo("online"));

        var lost = LagProbe.Samples(7, RedisNodeStatus.Parse(Master), ["redis1", "redis2"], n => n == "redis1" ? "10.1.2.99" : Ips[n]);
        Assert.That(lost[0].State, Is.EqualTo("disconnected"));
        Assert.That(LagProbe.Samples(7, null, ["redis2"], n => Ips[n])[0].State, Is.EqualTo("primary-unreachable"));
    }
}
