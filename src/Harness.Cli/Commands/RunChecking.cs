using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Reports;
using Harness.Runner;

namespace Harness.Cli.Commands;

/// <summary>Checks a recorded history with the workload's checker and writes results.json, report.html,
/// junit.xml and the store index. Shared by <c>run</c>, <c>check</c> and <c>report</c>.</summary>
internal static class RunChecking
{
    public static CheckResult CheckAndWrite(TestSpec test, IChecker checker, IReadOnlyDictionary<string, string> options,
        Harness.Core.History.History history, string dir, CancellationToken ct)
    {
        var context = new CheckContext
        {
            TimeLimit = test.CheckTimeLimitSeconds > 0 ? TimeSpan.FromSeconds(test.CheckTimeLimitSeconds) : null,
            Cancellation = ct,
            Options = options,
        };
        var result = checker.Check(history, context);
        CheckResultJson.Write(Path.Combine(dir, RunStore.ResultsFile), result);
        return result;
    }

    public static IReadOnlyList<string> WriteReports(string dir, TestSpec test, CheckResult result, TimeSpan elapsed, string? storeRoot)
    {
        var written = new List<string> { Path.Combine(dir, RunStore.HistoryFile), Path.Combine(dir, RunStore.ResultsFile) };
        written.Add(HtmlReport.Write(dir));
        var junit = Path.Combine(dir, RunStore.JUnitFile);
        JUnitReport.Write(junit, test, result, elapsed);
        written.Add(junit);
        if (storeRoot is not null && Directory.Exists(storeRoot)) written.Add(StoreIndex.Write(storeRoot));
        return written;
    }

    /// <summary>After re-checking a stored run: overwrite results.json and re-render its reports.</summary>
    public static IReadOnlyList<string> WriteAfterRecheck(string dir, TestSpec test, CheckResult result, TimeSpan elapsed, string storeRoot)
    {
        CheckResultJson.Write(Path.Combine(dir, RunStore.ResultsFile), result);
        return WriteReports(dir, test, result, elapsed, storeRoot);
    }
}
