using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Reports;
using Harness.Runner;

namespace Harness.Lab.Internal;

/// <summary>Checks a recorded history and writes results.json, report.html, junit.xml and the store index.
/// Shared by <c>run</c>, <c>check</c> and <c>report</c>.</summary>
internal static class RunReports
{
    public static CheckResult Check(TestSpec test, IChecker checker, IReadOnlyDictionary<string, string> options,
        Core.History.History history, string dir, CancellationToken ct)
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

    public static RunPaths Write(string dir, TestSpec test, CheckResult result, TimeSpan elapsed, string? storeRoot,
        IReadOnlyDictionary<string, string> faultColours)
    {
        var report = HtmlReport.Write(dir, faultColours);
        var junit = Path.Combine(dir, RunStore.JUnitFile);
        JUnitReport.Write(junit, test, result, elapsed);
        var index = storeRoot is not null && Directory.Exists(storeRoot) ? StoreIndex.Write(storeRoot) : null;
        return new RunPaths(dir, Path.Combine(dir, RunStore.TestFile), Path.Combine(dir, RunStore.HistoryFile), Path.Combine(dir, RunStore.ResultsFile),
            report, junit, index);
    }

    /// <summary>After re-checking a stored run: overwrite results.json and re-render its reports.</summary>
    public static RunPaths Rewrite(string dir, TestSpec test, CheckResult result, TimeSpan elapsed, string storeRoot, IReadOnlyDictionary<string, string> faultColours)
    {
        CheckResultJson.Write(Path.Combine(dir, RunStore.ResultsFile), result);
        return Write(dir, test, result, elapsed, storeRoot, faultColours);
    }

    public static RunCounts Count(Core.History.History history)
    {
        var pairs = history.Pairs().Where(p => !p.Invoke.IsNemesis).ToList();
        var ok = pairs.Count(p => p.Completion?.IsOk == true);
        var fail = pairs.Count(p => p.Completion?.IsFail == true);
        return new RunCounts(pairs.Count, ok, fail, pairs.Count - ok - fail, history.FaultWindows().Count);
    }
}
