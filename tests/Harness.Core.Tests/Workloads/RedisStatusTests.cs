using Harness.Workloads.Redis;
using Harness.Workloads.Redis.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>Reading what a Redis node reports (its sentinel's view and INFO replication), the sentinels' majority,
/// the health rule, and lag samples from replication offsets.</summary>
public class RedisStatusTests
{
    private static readonly Dictionary<string, string> Ips = new() { ["redis1"] = "10.1.2.11", ["redis2"] = "10.1.2.12", ["redis3"] = "10.1.2.13" };

    private static string Sentinel(string masterIp = "10.1.2.11", string flags = "master", int replicas = 2, int others = 2) =>
        string.Join('\n', "name", "mymaster", "ip", masterIp, "port", "6379", "runid", "5d2e", "flags", flags,
            "num-slaves", $"{replicas}", "num-other-sentinels", $"{others}", "quorum", "2", "");

    private const string MasterInfo = """
        # Replication
        role:master
        connected_slaves:2
        slave0:ip=10.1.2.12,port=6379,state=online,offset=5000,lag=0
        slave1:ip=10.1.2.13,port=6379,state=online,offset=4200,lag=1
        master_failover_state:no-failover
        master_repl_offset:5042
        """;

    private static string ReplicaInfo(string masterIp = "10.1.2.11", string link = "up") => $"""
        # Replication
        role:slave
        master_host:{masterIp}
        master_port:6379
        master_link_status:{link}
        master_repl_offset:5000
        """;

    private static RedisNodeStatus Master => RedisNodeStatus.Parse(Sentinel(), MasterInfo);

    private static RedisNodeStatus Replica(string link = "up", string sentinelMaster = "10.1.2.11") =>
        RedisNodeStatus.Parse(Sentinel(sentinelMaster), ReplicaInfo(link: link));

    [Test]
    public void AMastersStatusListsItsReplicasWithOffsets()
    {
        var status = RedisNodeStatus.Parse(Sentinel(), MasterInfo.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.That(status.SentinelMasterIp, Is.EqualTo("10.1.2.11"));
        Assert.That(status.SentinelFlags, Is.EqualTo("master"));
        Assert.That(status.SentinelReplicas, Is.EqualTo(2));
        Assert.That(status.OtherSentinels, Is.EqualTo(2));
        Assert.That(status.Role, Is.EqualTo("master"));
        Assert.That(status.MasterOffset, Is.EqualTo(5042L));
        Assert.That(status.Replicas, Is.EqualTo(new[] { new RedisReplicaInfo("10.1.2.12", "online", 5000, 0), new RedisReplicaInfo("10.1.2.13", "online", 4200, 1) }));
    }

    [Test]
    public void UnansweredOrFailedQuestionsAreMissingNotWrong()
    {
        var status = RedisNodeStatus.Parse("Could not connect to Redis at 127.0.0.1:26379: Connection refused\n", null);
        Assert.That(status.SentinelMasterIp, Is.Null);
        Assert.That(status.SentinelFlags, Is.Null);
        Assert.That(status.SentinelReplicas, Is.Null);
        Assert.That(status.Role, Is.Null);
        Assert.That(status.Replicas, Is.Empty);
    }

    [Test]
    public void TheMajorityOfSentinelsNamesTheMasterAndACutOffSentinelIsOutvoted()
    {
        var views = new[] { Replica(sentinelMaster: "10.1.2.11"), Replica(sentinelMaster: "10.1.2.12"), Replica(sentinelMaster: "10.1.2.12") }
            .ToList<RedisNodeStatus?>();
        Assert.That(SentinelView.MajorityMaster(views, 2), Is.EqualTo("10.1.2.12"));
        Assert.That(SentinelView.MajorityMaster([views[0], views[1], null], 2), Is.Null, "one vote each is no majority");
    }

    [Test]
    public void HealthNeedsAgreementQuorumAndEveryReplicaOnline()
    {
        var healthy = new Dictionary<string, RedisNodeStatus?>
        {
            ["redis1"] = Master, ["redis2"] = Replica(), ["redis3"] = Replica(),
        };
        Assert.That(SentinelView.Problem(healthy, n => Ips[n]), Is.Null);

        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis3"] = null }, n => Ips[n]), Does.Contain("redis3"));
        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis3"] = Replica(link: "down") }, n => Ips[n]),
            Does.Contain("link"));
        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis2"] = Replica(sentinelMaster: "10.1.2.13") }, n => Ips[n]),
            Does.Contain("disagree"));
        var oneOffline = MasterInfo.Replace("slave1:ip=10.1.2.13,port=6379,state=online", "slave1:ip=10.1.2.13,port=6379,state=wait_bgsave", StringComparison.Ordinal);
        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis1"] = RedisNodeStatus.Parse(Sentinel(), oneOffline) }, n => Ips[n]),
            Does.Contain("redis3 is not online"));
        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis2"] = RedisNodeStatus.Parse(Sentinel(others: 1), ReplicaInfo()) }, n => Ips[n]),
            Does.Contain("1 other sentinels"));
        Assert.That(SentinelView.Problem(new Dictionary<string, RedisNodeStatus?>(healthy) { ["redis2"] = RedisNodeStatus.Parse(Sentinel(flags: "master,s_down"), ReplicaInfo()) }, n => Ips[n]),
            Does.Contain("s_down"));
    }

    [Test]
    public void LagIsTheReplicationOffsetDistanceAndTheAgeOfTheLastAcknowledgement()
    {
        var samples = LagProbe.Samples(7, Master, ["redis2", "redis3"], n => Ips[n]);
        Assert.That(samples.Select(s => s.LsnBehindBytes), Is.EqualTo(new long?[] { 42, 842 }));
        Assert.That(samples.Select(s => s.ReplayAgeMs), Is.EqualTo(new double?[] { 0, 1000 }));
        Assert.That(samples.Select(s => s.State), Is.All.EqualTo("online"));

        var lost = LagProbe.Samples(7, Master, ["redis1", "redis2"], n => n == "redis1" ? "10.1.2.99" : Ips[n]);
        Assert.That(lost[0].State, Is.EqualTo("disconnected"));
        Assert.That(LagProbe.Samples(7, null, ["redis2"], n => Ips[n])[0].State, Is.EqualTo("primary-unreachable"));
    }
}
