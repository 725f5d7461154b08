using System.Globalization;
using Harness.Core.Testing;

namespace Harness.Runner;

/// <summary>
/// Where runs live: <c>store/&lt;test-name&gt;/&lt;UTC timestamp&gt;/</c> with test.json, history.jsonl, lag.jsonl,
/// results.json, report.html and logs/. <c>store/latest</c> (and <c>store/&lt;test-name&gt;/latest</c>) point at the newest run.
/// </summary>
public sealed class RunStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public const string TestFile = "test.json";
    public const string HistoryFile = "history.jsonl";
    public const string LagFile = "lag.jsonl";
    public const string ResultsFile = "results.json";
    public const string ReportFile = "report.html";
    public const string JUnitFile = "junit.xml";
    public const string LogsDirectory = "logs";

    /// <summary>Creates the run's directory, writes test.json and moves the latest links.</summary>
    public string CreateRun(TestSpec test, DateTime utcNow)
    {
        var stamp = utcNow.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        var dir = Path.Combine(Root, Safe(test.Name), stamp);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, TestFile), test.ToJson());
        Link(Path.Combine(Root, "latest"), dir);
        Link(Path.Combine(Root, Safe(test.Name), "latest"), dir);
        return dir;
    }

    private static void Link(string link, string target)
    {
        try
        {
            if (File.Exists(link) || Directory.Exists(link) || new FileInfo(link).LinkTarget is not null)
                File.Delete(link);
            File.CreateSymbolicLink(link, Path.GetRelativePath(Path.GetDirectoryName(link)!, target));
        }
        catch (IOException)
        {
            // A link is a convenience; the run itself is intact without it.
        }
    }

    private static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));

    /// <summary>Resolves a run directory given a path, "latest", or a test name.</summary>
    public string Resolve(string pathOrName)
    {
        if (Directory.Exists(pathOrName)) return Path.GetFullPath(pathOrName);
        var inStore = Path.Combine(Root, pathOrName);
        if (Directory.Exists(inStore))
        {
            var latest = Path.Combine(inStore, "latest");
            return Directory.Exists(latest) && !File.Exists(Path.Combine(inStore, TestFile)) ? Path.GetFullPath(latest) : inStore;
        }
        throw new DirectoryNotFoundException($"no run directory at {pathOrName} (nor in {Root})");
    }
}
