using System.Text.RegularExpressions;
using Harness.Core.Checking;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Integration.Tests.Runs;

/// <summary>Whole runs of the register workload against a real 3-node PostgreSQL cluster.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed partial class RegisterRunTests
{
    [Test]
    public async Task ReadsFromThePrimaryUnderPartitionAndKillAreLinearizable()
    {
        var run = await RunFixture.RunAsync(RunFixture.Short("it-register-primary", "register", "partition", "kill") with { Seed = 11 });

        var client = run.History.Pairs().Where(p => !p.Invoke.IsNemesis).ToList();
        Assert.That(client.Count(p => p.Completion?.IsOk == true), Is.GreaterThan(100), "ok operations");
        Assert.That(run.History.Ops.Count(o => o.IsNemesis && o.IsInfo && o.F.StartsWith("start-", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2), "fault starts");
        Assert.That(run.History.FaultWindows(), Is.Not.Empty);
        Assert.That(run.Checker("linearizability").Validity, Is.EqualTo(Validity.Valid), run.Checker("linearizability").Summary);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(PngCount().Count(run.Report), Is.GreaterThanOrEqualTo(3), "latency, throughput and lag plots embedded");
        Assert.That(File.Exists(Path.Combine(run.Directory, "lag.jsonl")) && new FileInfo(Path.Combine(run.Directory, "lag.jsonl")).Length > 0, Is.True, "lag samples");
        Assert.That(Directory.GetFiles(Path.Combine(run.Directory, "logs"), "*.log"), Has.Length.EqualTo(3), "server logs");
    }

    [Test]
    public async Task ReadsFromAsyncFollowersUnderWriteLoadAreCaughtStale()
    {
        var test = (RunFixture.Short("it-register-followers", "register", "partition") with
        {
            Rate = 120, TimeLimitSeconds = 25, NemesisIntervalSeconds = 2, FaultDurationSeconds = 8, Seed = 3,
        }).WithDatabaseOption("read-from", "followers");
        var run = await RunFixture.RunAsync(test);

        var lin = run.Checker("linearizability");
        Assert.That(lin.Validity, Is.EqualTo(Validity.Invalid), lin.Summary);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        var stale = run.Checker("stale-reads");
        Assert.That(stale.Validity, Is.EqualTo(Validity.Invalid), stale.Summary);
        var offending = stale.Anomalies.First(a => a.Kind == "stale-read");
        var read = run.History.Ops[(int)offending.OpIndices[0]];
        Assert.That(read.F, Is.EqualTo("read"));
        var served = run.History.CompletionOf((int)offending.OpIndices[0]);
        Assert.That(served?.Node, Is.Not.Null.And.Not.EqualTo("pg1"), "the stale read was served by a standby");
        Assert.That(run.Report, Does.Contain("stale-read").And.Contain(System.Net.WebUtility.HtmlEncode(offending.Explanation)));
    }

    [GeneratedRegex("data:image/png;base64,")]
    private static partial Regex PngCount();
}
