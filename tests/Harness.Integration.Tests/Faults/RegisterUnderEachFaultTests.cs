using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;
using NUnit.Framework;

namespace Harness.Integration.Tests.Faults;

/// <summary>
/// No false alarms from the harness: a register test on asynchronous PostgreSQL with reads from the primary stays
/// linearizable under every new fault, here all of them at once in the overlap mode (several faults in force at the
/// same time, each started and stopped on its own seeded schedule), so one run covers them all.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class RegisterUnderEachFaultTests
{
    [Test]
    public async Task RegisterOnThePrimaryStaysLinearizableUnderOverlappingFaults()
    {
        var spec = (RunFixture.Short("it-register-overlap", "register", "partition", "partition-one-way", "kill", "kill-recovery", "stop", "clock", "packet") with
        {
            NemesisMode = "overlap",
            TimeLimitSeconds = 60,
            NemesisIntervalSeconds = 8,
            FaultDurationSeconds = 5,
            RecoverySeconds = 10,
            OperationTimeoutSeconds = 5, // connections take seconds on a loaded 2-core machine
            ConcurrencyPerNode = 1,
            Rate = 20,
            Seed = 33,
        }).WithFaultOption("packet", "corrupt", "5").WithFaultOption("packet", "duplicate", "5");
        var run = await RunFixture.RunAsync(spec);
        var starts = run.History.Ops.Where(o => o.IsNemesis && o.Type == Core.History.OpType.Info && o.F.StartsWith("start-", StringComparison.Ordinal))
            .GroupBy(o => o.F).ToDictionary(g => g.Key, g => g.Count());
        var errors = run.History.Ops.Where(o => o.IsNemesis && o.Error is not null).Select(o => $"{o.F}: {o.Error}").ToList();
        TestContext.Progress.WriteLine($"{run.Directory}: verdict {run.Result.Validity}; fault starts {string.Join(", ", starts.Select(kv => $"{kv.Key} {kv.Value}"))}; " +
            $"nemesis errors: {string.Join(" | ", errors.DefaultIfEmpty("none"))}");
        Assert.That(starts.Count, Is.GreaterThanOrEqualTo(4), "most faults started at least once");
        Assert.That(run.Result.Validity, Is.EqualTo(Validity.Valid), run.Result.Summary);
    }
}
