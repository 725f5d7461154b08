using Harness.Core.Databases;
using Harness.Core.Testing;
using Harness.Docker;
using Harness.Workloads.MariaDb;
using Harness.Workloads.MariaDb.Workloads;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The MariaDB catalogue and cluster shapes, without Docker: names, node counts, capabilities, isolation levels.</summary>
public class MariaDbCatalogTests
{
    private static TestSpec Spec(string database, string workload = "register", int nodes = 3) =>
        new() { Database = database, Workload = workload, Nodes = nodes };

    [Test]
    public async Task GaleraTakesTheRequestedNodeCountAndMultiLeaderAlwaysTwo()
    {
        await using var galera = MariaDbCatalog.Database(Spec("galera", nodes: 5), "unit");
        await using var multi = MariaDbCatalog.Database(Spec("mariadb-multi", nodes: 3), "unit");

        Assert.That(galera, Is.TypeOf<GaleraCluster>());
        Assert.That(galera.Nodes, Is.EqualTo(new[] { "gal1", "gal2", "gal3", "gal4", "gal5" }));
        Assert.That(multi, Is.TypeOf<MultiLeaderCluster>());
        Assert.That(multi.Nodes, Is.EqualTo(new[] { "mm1", "mm2" }));
        Assert.That(((MultiLeaderCluster)multi).PeerOf("mm2"), Is.EqualTo("mm1"));
    }

    [Test]
    public async Task BothKindsOfferEveryFaultAndLag()
    {
        foreach (var name in MariaDbCatalog.Databases)
        {
            await using var db = MariaDbCatalog.Database(Spec(name), "unit");
            Assert.That(db, Is.InstanceOf<IKillable>().And.InstanceOf<IPausable>().And.InstanceOf<IPartitionable>()
                .And.InstanceOf<IReplicationLagSource>().And.InstanceOf<IHasPrimary>(), name);
        }
    }

    [Test]
    public void UnknownNamesAndBadShapesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => MariaDbCatalog.Database(Spec("postgres"), "unit"));
        Assert.Throws<ArgumentException>(() => _ = new MultiLeaderCluster(new MariaDbClusterOptions(3, "unit")));
        Assert.Throws<ArgumentException>(() => _ = new GaleraCluster(new MariaDbClusterOptions(0, "unit")));
        Assert.That(MariaDbCatalog.Handles("galera") && MariaDbCatalog.Handles("mariadb-multi") && !MariaDbCatalog.Handles("postgres"), Is.True);
    }

    [Test]
    public async Task WorkloadsAreBuiltByNameWithThePostgresCheckers()
    {
        await using var db = MariaDbCatalog.Database(Spec("galera"), "unit");
        Assert.That(MariaDbCatalog.Workload(Spec("galera", "register"), db), Has.Property("Name").EqualTo("register"));
        Assert.That(MariaDbCatalog.Workload(Spec("galera", "set"), db), Has.Property("Name").EqualTo("set"));
        var append = MariaDbCatalog.Workload(Spec("galera", "list-append"), db);
        Assert.That(append, Has.Property("Name").EqualTo("list-append"));
        Assert.That(append.Checker().Name, Is.EqualTo("list-append-workload"));
        Assert.That(MariaDbCatalog.Workload(Spec("galera", "set"), db).Checker().Name, Is.EqualTo("set-workload"));
        Assert.Throws<ArgumentException>(() => MariaDbCatalog.Workload(Spec("galera", "bank"), db));
    }

    [TestCase("read-committed", "READ COMMITTED")]
    [TestCase("repeatable-read", "REPEATABLE READ")]
    [TestCase("serializable", "SERIALIZABLE")]
    public void IsolationNamesMapToSql(string isolation, string sql) =>
        Assert.That(ListAppendWorkload.IsolationLevel(isolation), Is.EqualTo(sql));

    [Test]
    public void AnUnknownIsolationIsRefusedRatherThanInjectedIntoSql() =>
        Assert.Throws<ArgumentException>(() => ListAppendWorkload.IsolationLevel("snapshot; DROP TABLE lists"));

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
