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
        Core.History.History history, string dir, CancellationToken ct, string? interruption = null)
    {
        var context = new CheckContext
        {
            TimeLimit = test.CheckTimeLimitSeconds > 0 ? TimeSpan.FromSeconds(test.CheckTimeLimitSeconds) : null,
            Cancellation = ct,
            Options = options,
        };
        var result = checker.Check(history, context);
        if (interruption is not null)
        {
            result = InterruptedRun.Wrap(result, interruption);
            Core.Storage.AtomicFile.WriteAllText(Path.Combine(dir, InterruptedRun.FileName), interruption + "\n");
        }
        CheckResultJson.Write(Path.Combine(dir, RunStore.ResultsFile), result);
        return result;
    }

    /// <summary>Writes report, JUnit XML and the store index (each atomically); <paramref name="complete"/> marks a fresh
    /// run finished (removes its running.pid) just before the index is written.</summary>
    public static RunPaths Write(string dir, TestSpec test, CheckResult result, TimeSpan elapsed, string? storeRoot,
        IReadOnlyDictionary<string, string> faultColours, bool complete = false)
    {
        var report = HtmlReport.Write(dir, faultColours);
        var junit = Path.Combine(dir, RunStore.JUnitFile);
        JUnitReport.Write(junit, test, result, elapsed);
        if (complete) RunStore.MarkComplete(dir);
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

    /// <summary>Client operations by outcome, counted in one pass (a long history's pairs are never held at once).</summary>
    public static RunCounts Count(Core.History.History history)
    {
        int ops = 0, ok = 0, fail = 0;
        foreach (var (invoke, completion) in history.Pairs())
        {
            if (invoke.IsNemesis) continue;
            ops++;
            if (completion?.IsOk == true) ok++;
            else if (completion?.IsFail == true) fail++;
        }
        return new RunCounts(ops, ok, fail, ops - ok - fail, history.FaultWindows().Count);
    }
}
