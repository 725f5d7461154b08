using Harness.Workloads.Postgres;
using NUnit.Framework;

namespace Harness.Integration.Tests.Postgres;

[TestFixture]
public sealed class ReplicationModeTests
{
    [TestCase("async", 3, "")]
    [TestCase("sync", 3, "FIRST 2 (pg2, pg3)")]
    [TestCase("sync", 5, "FIRST 4 (pg2, pg3, pg4, pg5)")]
    [TestCase("semi-sync", 3, "ANY 1 (pg2, pg3)")]
    [TestCase("sync", 1, "")]
    public void ModesMapToSynchronousStandbyNames(string mode, int nodes, string expected) =>
        Assert.That(new PostgresClusterOptions(nodes, mode, "r").SynchronousStandbyNames(), Is.EqualTo(expected));

    [Test]
    public void AnUnknownModeIsRejectedUpFront() =>
        Assert.That(() => new PostgresCluster(new PostgresClusterOptions(3, "quorum", "r")), Throws.ArgumentException);

    [Test]
    public void NodesAreNamedPg1ToPgN()
    {
        var cluster = new PostgresCluster(new PostgresClusterOptions(4, "async", "r"));
        Assert.That(cluster.Nodes, Is.EqualTo(new[] { "pg1", "pg2", "pg3", "pg4" }));
        Assert.That(cluster.Primary, Is.EqualTo("pg1"));
        Assert.That(cluster.Standbys, Is.EqualTo(new[] { "pg2", "pg3", "pg4" }));
    }
}
