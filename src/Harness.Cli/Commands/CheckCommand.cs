using System.CommandLine;
using Harness.Check;
using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using Harness.Runner;

namespace Harness.Cli.Commands;

/// <summary><c>harness check</c> in the full CLI: the shared verb (<see cref="CheckVerb"/>) over everything this
/// CLI knows: stored runs (a run directory, <c>latest</c>, a test.json beside the history), every registered
/// workload, the checkers a database's capabilities add, and the run's report rewritten after a re-check.</summary>
internal sealed class CheckCommand : ICheckHost
{
    private readonly RunStore _store = new("store");

    /// <summary>The check verb. <paramref name="listWorkloads"/> names the registered workloads in the help of
    /// --workload, which loads every module; <c>harness check</c> itself skips it (see <see cref="Program"/>).</summary>
    public static Command Build(bool listWorkloads = true) => CheckVerb.Build(new CheckCommand(), listWorkloads);

    public IReadOnlyList<IWorkloadModule> Workloads => HarnessModules.Registry.Workloads;

    public IWorkloadModule? Workload(string name) => Workloads.FirstOrDefault(w => w.Name == name);

    public string? RunDirectory(string target) => Directory.Exists(target) || target == "latest" ? _store.Resolve(target) : null;

    public TestSpec? FindTest(string directory)
    {
        var path = Path.Combine(directory, RunStore.TestFile);
        if (!File.Exists(path)) return null;
        try
        {
            return TestSpec.FromJson(File.ReadAllText(path));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new Harness.Core.Formats.HistoryFormatException(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "a test spec (JSON object): " + e.Message);
        }
    }

    public IChecker WithDatabaseCheckers(TestSpec test, IChecker checker, string runDirectory) =>
        HarnessModules.Registry.Databases.Any(d => d.Name == test.Database) ? HarnessModules.Registry.CheckerFor(test, checker, runDirectory) : checker;

    public IReadOnlyList<string> Rewrite(string runDirectory, TestSpec test, CheckResult result, TimeSpan elapsed) =>
        Harness.Lab.Internal.RunReports.Rewrite(runDirectory, test, result, elapsed, _store.Root, HarnessModules.Registry.FaultColours).All;
}
