using Harness.Core.Testing;
using Harness.Workloads.Sql;
using Harness.Workloads.Sql.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The reconnect back-off as a pure policy: it grows, is capped, stays within its jitter band, derives
/// from the operation timeout, and the per-node gate forgets a node's failures when a connect succeeds.</summary>
public class ReconnectBackoffTests
{
    private static readonly ReconnectBackoff Policy = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3));

    [TestCase(0, 0)]
    [TestCase(1, 50)]
    [TestCase(2, 100)]
    [TestCase(3, 200)]
    [TestCase(6, 1600)]
    [TestCase(7, 3000)]
    [TestCase(1000, 3000)]
    public void TheCeilingDoublesPerFailureUpToTheCap(int failures, double ms) =>
        Assert.That(Policy.Ceiling(failures), Is.EqualTo(TimeSpan.FromMilliseconds(ms)));

    [Test]
    public void TheDelayLiesInTheUpperHalfOfTheCeiling()
    {
        Assert.That(Policy.Delay(4, 0), Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        Assert.That(Policy.Delay(4, 0.5), Is.EqualTo(TimeSpan.FromMilliseconds(300)));
        Assert.That(Policy.Delay(4, 0.999), Is.LessThan(TimeSpan.FromMilliseconds(400)).And.GreaterThan(TimeSpan.FromMilliseconds(399)));
        Assert.That(Policy.Delay(50, 0.999), Is.LessThanOrEqualTo(Policy.Cap));
        Assert.That(Policy.Delay(0, 0.7), Is.EqualTo(TimeSpan.Zero), "no failure, no wait");
    }

    [TestCase(1.0)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void ADrawOutsideTheUnitIntervalIsRefused(double unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.Delay(1, unit));

    [Test]
    public void DifferentDrawsSpreadClientsThatFailedTogether()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 30).Select(_ => Policy.Delay(5, random.NextDouble())).ToList();
        Assert.That(delays.Distinct().Count(), Is.EqualTo(30));
        Assert.That(delays.Max() - delays.Min(), Is.GreaterThan(TimeSpan.FromMilliseconds(300)), "spread over most of the 400-800 ms band");
    }

    [TestCase(3, 50, 3000, 500)]
    [TestCase(10, 166.667, 10000, 1666.667)]
    [TestCase(0.5, 8.333, 500, 0)]
    public void TheBoundsAndTheWaitBudgetDeriveFromTheOperationTimeout(double opTimeout, double baseMs, double capMs, double budgetMs)
    {
        var test = new TestSpec { OperationTimeoutSeconds = opTimeout };
        var policy = ReconnectBackoff.For(test);
        Assert.That(policy.Base.TotalMilliseconds, Is.EqualTo(baseMs).Within(0.001));
        Assert.That(policy.Cap.TotalMilliseconds, Is.EqualTo(capMs).Within(0.001));
        Assert.That(ReconnectBackoff.WaitBudget(test).TotalMilliseconds, Is.EqualTo(budgetMs).Within(0.001));
    }

    [Test]
    public void TheGateKeepsEachNodesFailuresAndForgetsThemOnSuccess()
    {
        var gate = new ReconnectGate(Policy, () => 0.5);
        var t0 = TimeSpan.FromSeconds(100);
        Assert.That(gate.Failed("p", t0), Is.EqualTo(TimeSpan.FromMilliseconds(37.5)));
        Assert.That(gate.Failed("p", t0), Is.EqualTo(TimeSpan.FromMilliseconds(75)));
        Assert.That(gate.Failures("p"), Is.EqualTo(2));
        Assert.That(gate.Remaining("p", t0 + TimeSpan.FromMilliseconds(25)), Is.EqualTo(TimeSpan.FromMilliseconds(50)));
        Assert.That(gate.Remaining("p", t0 + TimeSpan.FromSeconds(1)), Is.EqualTo(TimeSpan.Zero));
        Assert.That(gate.Remaining("s", t0), Is.EqualTo(TimeSpan.Zero), "another node is not held back");
        gate.Succeeded("p");
        Assert.That((gate.Failures("p"), gate.Remaining("p", t0)), Is.EqualTo((0, TimeSpan.Zero)));
        Assert.That(gate.Failed("p", t0), Is.EqualTo(TimeSpan.FromMilliseconds(37.5)), "back to the base after a success");
    }
}
