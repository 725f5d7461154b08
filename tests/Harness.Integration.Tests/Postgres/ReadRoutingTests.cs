using Harness.Core.Checking;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;
using NUnit.Framework;

namespace Harness.Integration.Tests.Postgres;

/// <summary>
/// Read routing on a real 3-node asynchronous PostgreSQL cluster under write load (no faults): reads on any standby
/// break read-your-writes, while LSN-versioned reads (wait until the standby has replayed the WAL position of the
/// session's last write) never do. Both runs use the same seed and load; each takes about a minute and a half here.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class ReadRoutingTests
{
    private static TestSpec Loaded(string name, string readFrom) => new TestSpec
    {
        Name = name,
        Workload = "register",
        Nemesis = [],
        TimeLimitSeconds = 15,
        Rate = 500,
        Seed = 11,
        RecoverySeconds = 2,
        OperationTimeoutSeconds = 10,
    }.WithDatabaseOption("read-from", readFrom).WithDatabaseOption("lsn-wait-ms", "2000").WithWorkloadOption("ops-per-key", "200");

    [Test]
    public async Task ReadsOnAnyStandbyBreakReadYourWrites()
    {
        var run = await RunFixture.RunAsync(Loaded("it-h9-ryw-any-standby", "followers"));

        var sessions = run.Checker("session-guarantees");
        TestContext.Out.WriteLine($"any standby: {sessions.Summary}; reads by node: {ReadsByNode(run.History)}");
        Assert.That(ReadsOn(run.History, "pg2", "pg3"), Is.GreaterThan(0), "reads served by standbys");
        Assert.That(Count(sessions, "read-your-writes-count"), Is.GreaterThan(0), sessions.Summary);
        Assert.That(sessions.Validity, Is.EqualTo(Validity.Invalid));
    }

    [Test]
    public async Task LsnVersionedReadsNeverBreakReadYourWrites()
    {
        var run = await RunFixture.RunAsync(Loaded("it-h9-ryw-lsn", "lsn"));

        var sessions = run.Checker("session-guarantees");
        TestContext.Out.WriteLine($"lsn: {sessions.Summary}; reads by node: {ReadsByNode(run.History)}");
        Assert.That(ReadsOn(run.History, "pg2", "pg3"), Is.GreaterThan(ReadsOn(run.History, "pg1")), "most reads served by standbys, not by the fallback");
        Assert.That(Count(sessions, "read-your-writes-count"), Is.EqualTo(0), sessions.Summary);
    }

    private static long Count(CheckResult result, string stat) => Convert.ToInt64(result.Stats[stat], System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<Op> OkReads(History history) =>
        history.Ops.Where(o => !o.IsNemesis && o.IsOk && o.F == "read");

    private static int ReadsOn(History history, params string[] nodes) => OkReads(history).Count(o => nodes.Contains(o.Node));

    private static string ReadsByNode(History history) =>
        string.Join(", ", OkReads(history).GroupBy(o => o.Node ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
}
