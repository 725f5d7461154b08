using Harness.Workloads.Postgres;
using NUnit.Framework;

namespace Harness.Core.Tests.Docker;

/// <summary>The pure decisions of a PostgreSQL failover: LSN parsing, the promotion target, who may simply
/// re-point, and synchronous_standby_names for the standbys that remain.</summary>
[TestFixture]
public sealed class FailoverPlanTests
{
    [TestCase("0/0", 0UL)]
    [TestCase("0/3000060", 0x3000060UL)]
    [TestCase("1/0", 0x1_0000_0000UL)]
    [TestCase("A/FFFFFFFF", 0xA_FFFF_FFFFUL)]
    public void ParsesLsns(string text, ulong expected) => Assert.That(FailoverPlan.ParseLsn(text), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("3000060")]
    [TestCase("/1")]
    [TestCase("0/xyz")]
    public void RejectsMalformedLsns(string? text) => Assert.That(FailoverPlan.ParseLsn(text), Is.Null);

    [Test]
    public void PromotesTheStandbyHoldingTheMostWal()
    {
        var lsns = new Dictionary<string, ulong?> { ["pg2"] = 0x3000060, ["pg3"] = 0x3000100 };
        Assert.That(FailoverPlan.ChooseTarget(lsns, null), Is.EqualTo("pg3"));
    }

    [Test]
    public void TiesGoToTheFirstNameAndSilentStandbysAreSkipped()
    {
        var lsns = new Dictionary<string, ulong?> { ["pg4"] = null, ["pg3"] = 0x50, ["pg2"] = 0x50 };
        Assert.That(FailoverPlan.ChooseTarget(lsns, null), Is.EqualTo("pg2"));
    }

    [Test]
    public void ARequestedTargetWinsEvenIfBehind()
    {
        var lsns = new Dictionary<string, ulong?> { ["pg2"] = 0x10, ["pg3"] = 0x90 };
        Assert.That(FailoverPlan.ChooseTarget(lsns, "pg2"), Is.EqualTo("pg2"));
    }

    [Test]
    public void RefusesImpossibleTargets()
    {
        var lsns = new Dictionary<string, ulong?> { ["pg2"] = null, ["pg3"] = 0x90 };
        Assert.Throws<InvalidOperationException>(() => FailoverPlan.ChooseTarget(lsns, "pg2"), "silent");
        Assert.Throws<InvalidOperationException>(() => FailoverPlan.ChooseTarget(lsns, "pg7"), "unknown");
        Assert.Throws<InvalidOperationException>(() => FailoverPlan.ChooseTarget(new Dictionary<string, ulong?> { ["pg2"] = null }, null), "nobody answered");
    }

    [Test]
    public void OnlyAStandbyNotAheadOfTheNewPrimaryCanSimplyFollowIt()
    {
        Assert.That(FailoverPlan.CanFollow(0x90, 0x90), Is.True);
        Assert.That(FailoverPlan.CanFollow(0x10, 0x90), Is.True);
        Assert.That(FailoverPlan.CanFollow(0x91, 0x90), Is.False, "ahead: diverged, needs pg_rewind");
        Assert.That(FailoverPlan.CanFollow(null, 0x90), Is.False, "unknown position: rewind to be safe");
    }

    [TestCase("async", "")]
    [TestCase("sync", "FIRST 1 (pg3)")]
    [TestCase("semi-sync", "ANY 1 (pg3)")]
    public void SynchronousNamesForTheOneStandbyLeftAfterAFailover(string mode, string expected) =>
        Assert.That(PostgresClusterOptions.SynchronousStandbyNames(mode, ["pg3"]), Is.EqualTo(expected));

    [TestCase("async", "")]
    [TestCase("sync", "FIRST 3 (pg1, pg3, pg4)")]
    [TestCase("semi-sync", "ANY 1 (pg1, pg3, pg4)")]
    public void SynchronousNamesAfterTheOldPrimaryRejoins(string mode, string expected) =>
        Assert.That(PostgresClusterOptions.SynchronousStandbyNames(mode, ["pg1", "pg3", "pg4"]), Is.EqualTo(expected));

    [Test]
    public void NoStandbyLeftMeansNoSynchronousStandbysAndUnknownModesAreRefused()
    {
        Assert.That(PostgresClusterOptions.SynchronousStandbyNames("sync", []), Is.EqualTo(""), "FIRST 0 would be invalid; a lone primary must not block");
        Assert.Throws<ArgumentException>(() => PostgresClusterOptions.SynchronousStandbyNames("quorum", ["pg2"]));
        Assert.That(new PostgresClusterOptions(3, "sync", "r").SynchronousStandbyNames(), Is.EqualTo("FIRST 2 (pg2, pg3)"));
    }
}
