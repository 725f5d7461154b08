using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Docker;
using Harness.Lab;
using Harness.Workloads.MariaDb;
using Harness.Workloads.Sql;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The MariaDB modules and cluster shapes, without Docker: names, node counts, capabilities, isolation levels.</summary>
public class MariaDbModuleTests
{
    private static readonly ModuleContext Context = new("unit", "debian:bookworm-slim", null, Path.GetTempPath());

    private static TestSpec Resolved(string database, string workload = "register", int? nodes = null) =>
        HarnessModules.Registry.Resolve(new TestSpec { Database = database, Workload = workload, Nodes = nodes });

    [Test]
    public async Task GaleraTakesTheRequestedNodeCountAndMultiLeaderAlwaysTwo()
    {
        await using var galera = new GaleraModule().CreateCluster(Resolved("galera", nodes: 5), Context);
        await using var multi = new MariaDbMultiModule().CreateCluster(Resolved("mariadb-multi"), Context);

        Assert.That(galera, Is.TypeOf<GaleraCluster>());
        Assert.That(galera.Nodes, Is.EqualTo(new[] { "gal1", "gal2", "gal3", "gal4", "gal5" }));
        Assert.That(multi, Is.TypeOf<MultiLeaderCluster>());
        Assert.That(multi.Nodes, Is.EqualTo(new[] { "mm1", "mm2" }));
        Assert.That(((MultiLeaderCluster)multi).PeerOf("mm2"), Is.EqualTo("mm1"));
        Assert.Throws<InvalidSpecException>(() => Resolved("mariadb-multi", nodes: 3), "multi-leader is always two nodes");
    }

    [Test]
    public async Task BothKindsOfferTheNodeFaultsAndLagButNoFailover()
    {
        foreach (var name in new[] { "galera", "mariadb-multi" })
        {
            await using var db = HarnessModules.Registry.Database(name).CreateCluster(Resolved(name), Context);
            Assert.That(db, Is.InstanceOf<IKillable>().And.InstanceOf<IPausable>().And.InstanceOf<IPartitionable>()
                .And.InstanceOf<IReplicationLagSource>().And.InstanceOf<IHasPrimary>(), name);
            var e = Assert.Throws<InvalidSpecException>(() => HarnessModules.Registry.Resolve(new TestSpec { Database = name, Nemesis = ["failover"] }));
            Assert.That(e!.Message, Does.Contain($"{name} does not support the 'failover' fault"));
        }
    }

    [Test]
    public void BadShapesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => _ = new MultiLeaderCluster(new MariaDbClusterOptions(3, "unit")));
        Assert.Throws<ArgumentException>(() => _ = new GaleraCluster(new MariaDbClusterOptions(0, "unit")));
    }

    [Test]
    public async Task EveryDeclaredWorkloadHasAClientAndAnUnknownOneIsRefused()
    {
        var module = new GaleraModule();
        await using var db = module.CreateCluster(Resolved("galera"), Context);
        foreach (var workload in module.Workloads)
            Assert.That(module.ClientFor(workload, db, Resolved("galera", workload)).Setup, Is.Not.Null, workload);
        Assert.Throws<ArgumentException>(() => module.ClientFor("bank", db, Resolved("galera")));
    }

    [TestCase("read-committed", "READ COMMITTED")]
    [TestCase("repeatable-read", "REPEATABLE READ")]
    [TestCase("serializable", "SERIALIZABLE")]
    public void IsolationNamesMapToSql(string isolation, string sql) =>
        Assert.That(SqlIsolation.Level(isolation), Is.EqualTo(sql));

    [Test]
    public void AnUnknownIsolationIsRefusedRatherThanInjectedIntoSql()
    {
        Assert.Throws<ArgumentException>(() => SqlIsolation.Level("snapshot; DROP TABLE lists"));
        var spec = new TestSpec { Database = "galera" }.WithDatabaseOption("isolation", "snapshot; DROP TABLE lists");
        Assert.Throws<InvalidSpecException>(() => HarnessModules.Registry.Resolve(spec));
    }

    [Test]
    public void TheImageBuildContextShipsWithTheBinaries()
    {
        Assert.That(File.Exists(Path.Combine(MariaDbImage.ContextDirectory, "Dockerfile")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(MariaDbImage.ContextDirectory, "entrypoint.sh")), Does.Contain("--wsrep-new-cluster"));
        var a = new ImageRecipe(MariaDbImage.Tag, MariaDbImage.ContextDirectory, new Dictionary<string, string> { ["TOOLS_ID"] = "sha256:a" });
        var b = a with { BuildArgs = new Dictionary<string, string> { ["TOOLS_ID"] = "sha256:b" } };
        Assert.That(ImageBuilder.ContentHash(a), Is.Not.EqualTo(ImageBuilder.ContentHash(b)), "a rebuilt tool layer forces a rebuild");
    }
}
