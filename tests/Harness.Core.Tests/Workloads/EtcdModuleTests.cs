using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Workloads.Etcd;
using Harness.Workloads.Etcd.Internal;
using Harness.Workloads.Etcd.Workloads;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The etcd module without Docker: registration, options, capabilities, and the pure leader / health / lag
/// functions over members' status answers.</summary>
public class EtcdModuleTests
{
    private static readonly ModuleContext Context = new("unit", "debian:bookworm-slim", null, Path.GetTempPath());

    private static TestSpec Resolved(TestSpec spec) => HarnessModules.Registry.Resolve(spec with { Database = "etcd" });

    [Test]
    public async Task IsRegisteredWithThreeMembersLinearizableReadsAndNoFailover()
    {
        var module = HarnessModules.Registry.Database("etcd");
        var test = Resolved(new TestSpec { Workload = "register" });
        await using var cluster = module.CreateCluster(test, Context);

        Assert.That(cluster.Nodes, Is.EqualTo(new[] { "etcd1", "etcd2", "etcd3" }));
        Assert.That(test.DatabaseOptions.Text("read-consistency"), Is.EqualTo("linearizable"));
        Assert.That(module.Capabilities, Is.EquivalentTo(new[] { "kill", "pause", "partition", "primary", "lag" }));
        Assert.That(Capability.Of(cluster), Is.SupersetOf(module.Capabilities));
        Assert.That(cluster, Is.Not.InstanceOf<IPromotable>());
        Assert.That(module.Workloads, Is.EquivalentTo(new[] { "register", "set" }));
    }

    [Test]
    public void RefusesWhatEtcdWouldRefuse()
    {
        Assert.Throws<InvalidSpecException>(() => Resolved(new TestSpec().WithDatabaseOption("read-consistency", "quorum")));
        Assert.Throws<InvalidSpecException>(() => Resolved(new TestSpec()
            .WithDatabaseOption("heartbeat-interval", "300").WithDatabaseOption("election-timeout", "1000")), "election under 5 heartbeats");
        Assert.Throws<InvalidSpecException>(() => Resolved(new TestSpec { Workload = "list-append" }));
        Assert.Throws<InvalidSpecException>(() => Resolved(new TestSpec { Nemesis = ["failover"] }));
        Assert.That(Resolved(new TestSpec().WithDatabaseOption("heartbeat-interval", "200").WithDatabaseOption("election-timeout", "1000")).Database,
            Is.EqualTo("etcd"));
    }

    [Test]
    public void TheLeaderIsTheMemberThatLeadsInTheHighestTerm()
    {
        var statuses = new[]
        {
            new MemberStatus("etcd1", 1, 1, 2, 100), // an isolated old leader that has not stepped down
            new MemberStatus("etcd2", 2, 2, 3, 140),
            new MemberStatus("etcd3", 3, 2, 3, 138),
        };
        Assert.That(MemberStatus.LeaderOf(statuses), Is.EqualTo("etcd2"));
        Assert.That(MemberStatus.LeaderOf([MemberStatus.Unreachable("etcd1", "down"), new MemberStatus("etcd2", 2, 1, 2, 5)]), Is.Null);
    }

    [Test]
    public void HealthNeedsEveryMemberFollowingOneAnsweringLeader()
    {
        Assert.That(MemberStatus.DescribeUnhealthy([new("etcd1", 1, 2, 2, 9), new("etcd2", 2, 2, 2, 9), new("etcd3", 3, 2, 2, 9)]), Is.Empty);
        Assert.That(MemberStatus.DescribeUnhealthy([new("etcd1", 1, 0, 1, 1), new("etcd2", 2, 0, 1, 1)]), Does.Contain("leader"));
        Assert.That(MemberStatus.DescribeUnhealthy([new("etcd1", 1, 1, 2, 9), new("etcd2", 2, 2, 2, 9)]), Does.Contain("do not agree"));
        Assert.That(MemberStatus.DescribeUnhealthy([new("etcd1", 1, 1, 2, 9), MemberStatus.Unreachable("etcd2", "refused")]), Does.Contain("etcd2: refused"));
    }

    [Test]
    public void LagIsEntriesBehindTheLeaderPerFollower()
    {
        var lag = MemberStatus.Lag(7, [new("etcd1", 1, 1, 4, 250), new("etcd2", 2, 1, 4, 250), new("etcd3", 3, 1, 3, 180)]);
        Assert.That(lag.Select(s => s.Node), Is.EqualTo(new[] { "etcd2", "etcd3" }));
        Assert.That(lag.Select(s => s.LsnBehindBytes), Is.EqualTo(new long?[] { 0, 70 }));
        Assert.That(lag.All(s => s.Time == 7 && s.State == "follower"), Is.True);
        var down = MemberStatus.Lag(8, [new("etcd1", 1, 1, 4, 250), MemberStatus.Unreachable("etcd2", "refused")]);
        Assert.That(down.Single().State, Is.EqualTo("unreachable"));
        Assert.That(MemberStatus.Lag(9, [new("etcd1", 1, 0, 4, 250)]).Single().State, Is.EqualTo("no-leader"));
    }

    [Test]
    public void ThePrefixRangeEndsJustAfterThePrefix() =>
        Assert.That(SetClients.RangeEnd("harness/set/").ToStringUtf8(), Is.EqualTo("harness/set0"));
}
