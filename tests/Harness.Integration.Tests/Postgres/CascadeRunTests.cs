using Harness.Core.Databases;
using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Integration.Tests.Postgres;

/// <summary>
/// Chain replication on a real cluster: with <c>--topology cascade</c> pg3 clones from and streams from pg2, not
/// from the primary, and the lag of each hop is recorded from that hop's upstream (pg2's own
/// <c>pg_stat_replication</c> for pg3). A star would show pg3 in the primary's view only.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class CascadeRunTests
{
    [Test]
    public async Task CascadingLagIsRecordedPerHop()
    {
        var spec = (RunFixture.Short("it-h9b-cascade", "set") with { Nemesis = [], TimeLimitSeconds = 15, Rate = 60, Seed = 2 })
            .WithDatabaseOption("topology", "cascade").WithDatabaseOption("health-timeout-seconds", "400");
        var run = await RunFixture.RunAsync(spec);
        var lag = LagJsonl.Read(Path.Combine(run.Directory, RunStore.LagFile));
        foreach (var node in new[] { "pg2", "pg3" })
        {
            var samples = lag.Where(s => s.Node == node).ToList();
            var measured = samples.Where(s => s.State == "streaming" && s.ReplayLagMs is not null && s.LsnBehindBytes is not null).ToList();
            TestContext.Progress.WriteLine($"{node}: {samples.Count} samples, {measured.Count} with hop lag; max replay lag {measured.Select(s => s.ReplayLagMs).Max()} ms, " +
                $"p50 replay age {samples.Select(s => s.ReplayAgeMs).OfType<double>().Order().ElementAtOrDefault(samples.Count / 2)} ms");
            Assert.That(measured, Is.Not.Empty, $"{node}'s hop lag is read from its upstream's pg_stat_replication");
        }
        Assert.That(run.Checker("set").Stats["lost-count"], Is.EqualTo(0L));
    }
}
