using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.Testing;
using Harness.Runner;
using Harness.Runner.Nemeses;
using Harness.Workloads.MariaDb;
using NUnit.Framework;

namespace Harness.Integration.Tests.MariaDb;

/// <summary>
/// Runs a whole test against a MariaDB cluster in process, the way <c>harness run</c> does (catalogue -> cluster,
/// workload and partition nemesis -> <see cref="TestRunner"/> -> the workload's checker), before the CLI knows the
/// MariaDB databases. The run directory is a temporary folder.
/// </summary>
internal static class MariaDbRunFixture
{
    public static async Task<MariaDbRunOutcome> RunAsync(TestSpec test, CancellationToken ct = default)
    {
        var progress = new Progress<string>(line => TestContext.Progress.WriteLine(line));
        await MariaDbCatalog.EnsureImagesAsync(test, progress, ct);
        var dir = Directory.CreateTempSubdirectory("harness-it-mariadb-").FullName;
        var db = MariaDbCatalog.Database(test, "it-" + Guid.NewGuid().ToString("N")[..8], progress);
        var workload = MariaDbCatalog.Workload(test, db);
        var (nemesis, schedule) = Partitions(test, db);
        var run = new TestRun(test, db, workload, nemesis, schedule, dir);
        Core.History.History history;
        await using (db)
        {
            history = await new TestRunner(run).RunAsync(ct);
        }
        var context = new CheckContext { TimeLimit = TimeSpan.FromSeconds(test.CheckTimeLimitSeconds), Cancellation = ct, Options = workload.CheckerOptions };
        var result = workload.Checker().Check(history, context);
        var healthy = ((MariaDbCluster)db).TimeToHealthy;
        TestContext.Progress.WriteLine($"{test.Name}: healthy in {healthy?.TotalSeconds:0.0} s; {result.Summary}");
        foreach (var r in result.Flatten())
            TestContext.Progress.WriteLine($"  {r.Checker}: {r.Validity} [{string.Join(", ", r.AnomalyCounts.Select(kv => $"{kv.Key}={kv.Value}"))}] {r.Summary}");
        return new MariaDbRunOutcome(dir, history, result);
    }

    /// <summary>A short test on a MariaDB database: quick faults so that a 20-30 s run sees at least two.</summary>
    public static TestSpec Short(string name, string database, string workload, params string[] nemesis) => new()
    {
        Name = name,
        Database = database,
        Nodes = database == "mariadb-multi" ? 2 : 3,
        Workload = workload,
        Nemesis = nemesis,
        TimeLimitSeconds = 25,
        Rate = 60,
        NemesisIntervalSeconds = 3,
        FaultDurationSeconds = 5,
        RecoverySeconds = 8,
        OperationTimeoutSeconds = 2,
    };

    private static (INemesis?, Core.Generators.IGenerator?) Partitions(TestSpec test, IDatabase db)
    {
        if (!test.Nemesis.Contains("partition")) return (null, null);
        if (test.Nemesis.Any(f => f != "partition")) throw new ArgumentException("this fixture only schedules partitions");
        var schedule = FaultSchedule.Build(["partition"], db.Nodes,
            TimeSpan.FromSeconds(test.NemesisIntervalSeconds), TimeSpan.FromSeconds(test.FaultDurationSeconds));
        return (new PartitionNemesis((IPartitionable)db, db.Nodes), schedule);
    }
}

internal sealed record MariaDbRunOutcome(string Directory, Core.History.History History, CheckResult Result)
{
    public CheckResult Checker(string name) =>
        Result.Flatten().FirstOrDefault(r => r.Checker == name) ?? throw new InvalidOperationException($"no {name} result in {Directory}");
}
