using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Runner;

namespace Harness.Integration.Tests.Runs;

/// <summary>Runs a test through the library entry point (<see cref="TestHarness.RunAsync"/>, what <c>harness run</c>
/// calls) against a real cluster, in a store of its own, and loads what it wrote back from the files.</summary>
internal static class RunFixture
{
    public static async Task<RunOutcome> RunAsync(TestSpec test, CancellationToken ct = default)
    {
        var store = Directory.CreateTempSubdirectory("harness-it-store-").FullName;
        var run = await TestHarness.RunAsync(test, new RunSettings { StoreRoot = store }, null, ct);
        var exit = run.Verdict switch { Validity.Valid => 0, Validity.Invalid => 1, _ => 2 };
        var dir = run.Paths.Directory;
        var history = Core.History.History.Of(JsonlHistory.Read(Path.Combine(dir, RunStore.HistoryFile)));
        var result = CheckResultJson.Read(Path.Combine(dir, RunStore.ResultsFile));
        return new RunOutcome(exit, dir, history, result);
    }

    /// <summary>A short test: quick faults so that a 20-30 s run sees at least one of each.</summary>
    public static TestSpec Short(string name, string workload, params string[] nemesis) => new()
    {
        Name = name,
        Workload = workload,
        Nemesis = nemesis,
        TimeLimitSeconds = 30,
        Rate = 60,
        NemesisIntervalSeconds = 3,
        FaultDurationSeconds = 5,
        RecoverySeconds = 5,
        OperationTimeoutSeconds = 2,
    };
}

internal sealed record RunOutcome(int ExitCode, string Directory, Core.History.History History, CheckResult Result)
{
    public CheckResult Checker(string name) =>
        Result.Flatten().FirstOrDefault(r => r.Checker == name) ?? throw new InvalidOperationException($"no {name} result in {Directory}");

    public string Report => File.ReadAllText(Path.Combine(Directory, RunStore.ReportFile));
}
