using System.Diagnostics;
using Etcdserverpb;
using Google.Protobuf;
using Harness.Core.Faults;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Core.Modules;
using Harness.Workloads.Etcd;
using NUnit.Framework;

namespace Harness.Integration.Tests.Etcd;

/// <summary>A real 3-member etcd cluster: it starts healthy with one leader, and a partition isolating the leader
/// makes the majority elect another while the cut-off member still answers serializable reads from its own store
/// and refuses linearizable ones.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class EtcdClusterTests
{
    [Test]
    public async Task StartsHealthyAndACutOffLeaderIsReplacedWhileItStillServesStaleSerializableReads()
    {
        var test = HarnessModules.Registry.Resolve(new TestSpec { Database = "etcd", Name = "it-etcd-cluster" });
        var module = HarnessModules.Registry.Database("etcd");
        var context = new ModuleContext("itetcdcl" + Environment.ProcessId, test.BaseImage, null, Path.GetTempPath());
        await module.EnsureImagesAsync(context, CancellationToken.None);
        await using var cluster = (EtcdCluster)module.CreateCluster(test, context);
        await cluster.SetupAsync(CancellationToken.None);
        TestContext.Out.WriteLine($"etcd healthy in {cluster.StartedIn!.Value.TotalSeconds:0.00} s");

        var leader = await cluster.PrimaryAsync(CancellationToken.None);
        Assert.That(leader, Is.Not.Null.And.AnyOf(cluster.Nodes.ToArray()));
        var lag = await cluster.SampleLagAsync(0, CancellationToken.None);
        Assert.That(lag.Select(s => s.Node), Is.EquivalentTo(cluster.Nodes.Where(n => n != leader)));
        Assert.That(lag.All(s => s.State == "follower"), Is.True);

        using var onLeader = Client(cluster, leader!);
        await onLeader.PutAsync("harness/it/x", "1");
        await cluster.ApplyGrudgeAsync(Grudge.Isolate(cluster.Nodes, leader!), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var others = cluster.Nodes.Where(n => n != leader).ToList();
        string? next = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && (next is null || next == leader))
        {
            await Task.Delay(200);
            next = await cluster.PrimaryAsync(CancellationToken.None);
        }
        TestContext.Out.WriteLine($"new leader {next} after {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.That(next, Is.AnyOf(others.ToArray()), "the majority elected a new leader");

        using var onMajority = Client(cluster, next!);
        await onMajority.PutAsync("harness/it/x", "2", deadline: DateTime.UtcNow.AddSeconds(10));
        var stale = await onLeader.GetAsync(new RangeRequest { Key = ByteString.CopyFromUtf8("harness/it/x"), Serializable = true }, null, DateTime.UtcNow.AddSeconds(5));
        Assert.That(stale.Kvs.Single().Value.ToStringUtf8(), Is.EqualTo("1"), "the cut-off member serves its own, stale value");
        Assert.That(async () => await onLeader.GetAsync(new RangeRequest { Key = ByteString.CopyFromUtf8("harness/it/x") }, null, DateTime.UtcNow.AddSeconds(3)),
            Throws.InstanceOf<Grpc.Core.RpcException>(), "a linearizable read on the cut-off member cannot complete");

        await cluster.HealNetworkAsync(CancellationToken.None);
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        var healed = await onLeader.GetAsync(new RangeRequest { Key = ByteString.CopyFromUtf8("harness/it/x") }, null, DateTime.UtcNow.AddSeconds(10));
        Assert.That(healed.Kvs.Single().Value.ToStringUtf8(), Is.EqualTo("2"), "after healing the member has caught up");
    }

    private static dotnet_etcd.EtcdClient Client(EtcdCluster cluster, string node) => new(cluster.Endpoint(node));
}
