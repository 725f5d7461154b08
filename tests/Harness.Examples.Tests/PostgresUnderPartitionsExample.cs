using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Lab;
using NUnit.Framework;

namespace Harness.Examples.Tests;

/// <summary>
/// The example a database team copies: describe a test as data, run it with one library call, assert the verdict
/// and a figure. Here: a 3-node PostgreSQL cluster with synchronous replication, unique inserts (the set workload)
/// while the network is partitioned; every acknowledged insert must survive. Needs a Docker Engine
/// (<c>./harness test</c> provisions one on Debian).
/// </summary>
[TestFixture]
[Category("Docker")]
public sealed class PostgresUnderPartitionsExample
{
    [Test]
    public async Task SynchronousPostgresLosesNoAcknowledgedInsertUnderPartitions()
    {
        var spec = new TestSpec
        {
            Name = "example-postgres-set-partition",
            Database = "postgres",
            Nodes = 3,
            Workload = "set",
            Nemesis = ["partition"],
            TimeLimitSeconds = 20,
            Rate = 60,
            NemesisIntervalSeconds = 3,
            FaultDurationSeconds = 5,
            Seed = 7,
        }.WithDatabaseOption("replication", "sync");

        var store = Path.Combine(TestContext.CurrentContext.WorkDirectory, "store");
        var run = await TestHarness.RunAsync(spec, new RunSettings { StoreRoot = store });

        TestContext.Out.WriteLine($"{run.Counts.Operations} operations, {run.Counts.Faults} faults; report: {run.Paths.Report}");
        Assert.That(run.Verdict, Is.EqualTo(Validity.Valid), run.Result.Summary);
        Assert.That(run.Stat("lost-count"), Is.EqualTo(0), "acknowledged inserts lost");
        Assert.That(run.Stat("acknowledged-count"), Is.GreaterThan(100), "enough inserts were acknowledged to mean something");
        Assert.That(run.Counts.Faults, Is.GreaterThanOrEqualTo(1), "at least one partition happened");
    }
}
