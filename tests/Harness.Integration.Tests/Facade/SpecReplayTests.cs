using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;
using Harness.Lab;
using NUnit.Framework;

namespace Harness.Integration.Tests.Facade;

/// <summary><c>harness run --spec test.json</c> repeats a stored test: the same seed gives the same operations. Two
/// runs of one stored spec (no faults, so nothing but the schedule shapes the history) issue the same invocations;
/// a different seed does not.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class SpecReplayTests
{
    private static TestSpec Spec(long seed) => new()
    {
        Name = "it-spec-replay",
        Database = "postgres",
        Nodes = 2,
        Workload = "register",
        Nemesis = [],
        TimeLimitSeconds = 6,
        Rate = 40,
        ConcurrencyPerNode = 1,
        RecoverySeconds = 0,
        Seed = seed,
    };

    private static List<string> Invocations(RunOutcome run) =>
        run.History.Ops.Where(o => !o.IsNemesis && o.Type == Core.History.OpType.Invoke)
            .Select(o => o.F + " " + Core.History.ValueText.Format(o.Value)).ToList();

    [Test]
    public async Task TheStoredSpecReproducesTheInvocationSequence()
    {
        var first = await RunFixture.RunAsync(Spec(20261201));
        var stored = TestSpec.FromJson(await File.ReadAllTextAsync(Path.Combine(first.Directory, "test.json")));
        var second = await RunFixture.RunAsync(stored);
        var other = await RunFixture.RunAsync(Spec(99));

        var a = Invocations(first);
        var b = Invocations(second);
        var n = Math.Min(a.Count, b.Count) - 10;
        TestContext.Out.WriteLine($"invocations: {a.Count} and {b.Count}; compared the first {n}");
        Assert.That(n, Is.GreaterThan(100), "enough operations to compare");
        // Workers record invocations as they pick them up, so neighbours may swap; compare with a small window.
        Assert.That(a.Take(n), Is.SubsetOf(b.Take(n + 10)));
        Assert.That(b.Take(n), Is.SubsetOf(a.Take(n + 10)));
        Assert.That(Invocations(other).Take(n), Is.Not.SubsetOf(a.Take(n + 10)), "another seed gives another schedule");
    }
}
