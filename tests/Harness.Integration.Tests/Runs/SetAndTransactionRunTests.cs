using Harness.Core.Checking;
using Harness.Core.Testing;
using NUnit.Framework;

namespace Harness.Integration.Tests.Runs;

/// <summary>The set workload with the primary killed, and Elle's list-append against PostgreSQL isolation levels.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class SetAndTransactionRunTests
{
    [Test]
    public async Task SetWorkloadWithThePrimaryKilledReportsItsCounts()
    {
        var run = await RunFixture.RunAsync(RunFixture.Short("it-set-kill", "set", "kill") with { TimeLimitSeconds = 25, Seed = 5 });

        var set = run.Checker("set");
        Assert.That(set.Validity, Is.Not.EqualTo(Validity.Unknown), set.Summary);
        Assert.That(set.Stats["attempt-count"], Is.GreaterThan(100L));
        Assert.That(set.Stats["acknowledged-count"], Is.GreaterThan(50L));
        Assert.That(set.Stats["final-read-count"], Is.GreaterThanOrEqualTo(3L), "a final read from every node");
        foreach (var key in new[] { "ok-count", "lost-count", "unexpected-count", "recovered-count" })
            Assert.That(set.Stats.ContainsKey(key), key);
        Assert.That(run.History.Ops.Any(o => o.IsNemesis && o.F == "start-kill"), Is.True);
        Assert.That(run.Report, Does.Contain("set").And.Contain("lost"));
    }

    private static TestSpec ListAppend(string isolation, string name) => (RunFixture.Short(name, "list-append") with
    {
        Nemesis = [],
        TimeLimitSeconds = 30,
        ConcurrencyPerNode = 4, // 12 clients on 4 hot keys: enough contention for write skew
        Rate = 150,
        Seed = 8,
    }).WithDatabaseOption("isolation", isolation).WithWorkloadOption("consistency-model", "serializable");

    [Test]
    public async Task SerializableListAppendIsSerializable()
    {
        var run = await RunFixture.RunAsync(ListAppend("serializable", "it-append-serializable"));
        var txn = run.Checker("transactional");
        Assert.That(txn.Stats["ok-txns"], Is.GreaterThan(300L), "committed transactions");
        Assert.That(txn.Validity, Is.EqualTo(Validity.Valid), txn.Summary);
    }

    [Test]
    public async Task RepeatableReadListAppendShowsWriteSkew()
    {
        var run = await RunFixture.RunAsync(ListAppend("repeatable-read", "it-append-repeatable-read"));
        var txn = run.Checker("transactional");
        Assert.That(txn.Stats["ok-txns"], Is.GreaterThan(300L), "committed transactions");
        Assert.That(txn.Validity, Is.EqualTo(Validity.Invalid), txn.Summary);
        Assert.That(txn.AnomalyCounts.Keys, Has.Some.StartsWith("G2-item"), txn.Summary);
        Assert.That(txn.AnomalyCounts.Keys, Has.None.StartsWith("G1"), "snapshot isolation never shows G1");
    }
}
