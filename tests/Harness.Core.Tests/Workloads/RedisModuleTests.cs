using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Workloads.Redis;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The Redis + Sentinel module without Docker: registration, options, node names, declared capabilities.</summary>
public class RedisModuleTests
{
    private static readonly ModuleContext Context = new("unit", "debian:bookworm-slim", null, Path.GetTempPath());

    private static TestSpec Resolved(TestSpec spec) => HarnessModules.Registry.Resolve(spec with { Database = "redis" });

    [Test]
    public async Task TheModuleIsRegisteredAndItsClusterOffersWhatItDeclares()
    {
        var module = HarnessModules.Registry.Database("redis");
        await using var db = module.CreateCluster(Resolved(new TestSpec { Workload = "set" }), Context);
        Assert.That(db, Is.TypeOf<RedisCluster>());
        Assert.That(db.Nodes, Is.EqualTo(new[] { "redis1", "redis2", "redis3" }));
        Assert.That(Capability.Of(db), Is.SupersetOf(module.Capabilities));
        Assert.That(module.Capabilities, Does.Contain(Capability.Failover).And.Contain(Capability.Lag).And.Not.Contain(Capability.Delay));
        Assert.That(((RedisCluster)db).Options.Quorum, Is.EqualTo(2));
    }

    [Test]
    public void OptionsResolveWithDefaultsAndAreChecked()
    {
        var spec = Resolved(new TestSpec { Workload = "register" });
        Assert.That(spec.DatabaseOptions.Integer("min-replicas-to-write"), Is.Zero);
        Assert.That(spec.DatabaseOptions.Text("read-from"), Is.EqualTo("primary"));
        Assert.That(HarnessModules.Registry.Database("redis").NameSuffix(spec), Is.Null);

        var strict = Resolved(new TestSpec { Workload = "set" }.WithDatabaseOption("min-replicas-to-write", "1"));
        Assert.That(HarnessModules.Registry.Database("redis").NameSuffix(strict), Is.EqualTo("min-replicas-1"));

        Assert.Throws<InvalidSpecException>(() => Resolved(new TestSpec { Workload = "set" }.WithDatabaseOption("min-replicas-to-write", "3")),
            "3 nodes have only 2 replicas");
        Assert.Throws<InvalidSpecException>(() => Resolved(new TestSpec { Workload = "list-append" }), "no list-append client");
        Assert.Throws<InvalidSpecException>(() => Resolved(new TestSpec { Workload = "register", Nemesis = ["delay"] }), "no delay capability");
    }
}
