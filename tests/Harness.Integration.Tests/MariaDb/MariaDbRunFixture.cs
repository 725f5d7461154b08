using Harness.Core.Testing;
using Harness.Integration.Tests.Runs;

namespace Harness.Integration.Tests.MariaDb;

/// <summary>Whole runs against a MariaDB cluster go through <c>harness run</c> like every other run
/// (<see cref="RunFixture"/>); this adds the short test shape for the MariaDB databases.</summary>
internal static class MariaDbRunFixture
{
    public static Task<RunOutcome> RunAsync(TestSpec test, CancellationToken ct = default) => RunFixture.RunAsync(test, ct);

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
}
