using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using NUnit.Framework;

namespace Harness.Core.Tests.Modules;

/// <summary>Checkers added by database capability: they join the workload's checker only on databases that declare
/// what they require, and only for their workloads.</summary>
public class CheckerModuleTests
{
    private static readonly Registry R = HarnessModules.Registry;

    private static TestSpec Test(string db, string workload) => R.Resolve(new TestSpec { Database = db, Workload = workload, Nemesis = [] });

    [Test]
    public void EveryCheckerModuleRequiresAKnownCapabilityAndKnownWorkloads()
    {
        Assert.That(R.Checkers, Is.Not.Empty);
        foreach (var c in R.Checkers)
        {
            Assert.That(Capability.Interfaces.Keys, Does.Contain(c.Requires), c.Name);
            Assert.That(c.Workloads, Is.Not.Empty.And.SubsetOf(R.Workloads.Select(w => w.Name)), c.Name);
            Assert.That(c.Summary, Is.Not.Empty, c.Name);
        }
    }

    [Test]
    public void LeaderlessCheckersJoinSwiftRunsAndNoOthers()
    {
        Assert.That(R.CheckersFor(Test("swift", "register")).Select(c => c.Name), Is.EqualTo(new[] { "leaderless" }));
        Assert.That(R.CheckersFor(Test("swift", "set")).Select(c => c.Name), Is.EqualTo(new[] { "leaderless" }));
        Assert.That(R.CheckersFor(Test("postgres", "register")), Is.Empty, "postgres declares no replicas capability");
        Assert.That(R.CheckersFor(Test("etcd", "set")), Is.Empty);
    }

    [Test]
    public void TheWorkloadCheckerIsKeptAndTheAddedOnesRunBesideIt()
    {
        var own = new FixedChecker();
        Assert.That(R.CheckerFor(Test("postgres", "register"), own, Path.GetTempPath()), Is.SameAs(own));
        var joined = R.CheckerFor(Test("swift", "register"), own, Path.GetTempPath());
        Assert.That(joined.Name, Is.EqualTo("fixed+leaderless"));
        var result = joined.Check(History.History.Of([]), CheckContext.Default);
        Assert.That(result.Children.Select(c => c.Checker), Is.EqualTo(new[] { "fixed", "leaderless" }));
    }

    [Test]
    public void ACheckerModuleNamedTwiceIsRefused() =>
        Assert.That(() => new Registry([], [], [], [new Leaderless(), new Leaderless()]), Throws.TypeOf<InvalidSpecException>());

    private sealed class FixedChecker : IChecker
    {
        public string Name => "fixed";

        public CheckResult Check(History.History history, CheckContext context) => new(Name, Validity.Valid, "fixed");
    }

    private sealed class Leaderless : ICheckerModule
    {
        public string Name => "twice";
        public string Summary => "twice";
        public string Requires => Capability.Replicas;
        public IReadOnlyList<string> Workloads => ["register"];
        public IChecker Create(TestSpec test, string runDirectory) => new FixedChecker();
    }
}
