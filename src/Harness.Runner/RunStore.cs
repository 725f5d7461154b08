using System.Globalization;
using Harness.Core.Storage;
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

    /// <summary>Present while a run is under way: the owning harness process (<see cref="ProcessIdentity"/>). It is
    /// removed when the run has written its results and report, so a folder that still has it after its owner died is
    /// a run that was killed (<see cref="IsIncomplete"/>).</summary>
    public const string RunningFile = "running.pid";

    /// <summary>Creates the run's directory, writes test.json and moves the latest links.</summary>
    public string CreateRun(TestSpec test, DateTime utcNow)
    {
        var stamp = utcNow.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        var dir = Path.Combine(Root, Safe(test.Name), stamp);
        Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(Path.Combine(dir, RunningFile), ProcessIdentity.Current + "\n");
        AtomicFile.WriteAllText(Path.Combine(dir, TestFile), test.ToJson());
        Link(Path.Combine(Root, "latest"), dir);
        Link(Path.Combine(Root, Safe(test.Name), "latest"), dir);
        return dir;
    }

    /// <summary>Marks the run finished (results and report written): removes <see cref="RunningFile"/>.</summary>
    public static void MarkComplete(string runDirectory) => File.Delete(Path.Combine(runDirectory, RunningFile));

    /// <summary>The process that owns an unfinished run, or null when the run finished (or predates the marker).</summary>
    public static ProcessIdentity? Owner(string runDirectory)
    {
        var path = Path.Combine(runDirectory, RunningFile);
        try
        {
            return File.Exists(path) ? ProcessIdentity.Parse(File.ReadAllText(path)) ?? new ProcessIdentity("?", 0, 0) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True for a run whose harness died before finishing it (its history is still checkable).</summary>
    public static bool IsIncomplete(string runDirectory) => Owner(runDirectory) is { } owner && !owner.IsAlive;

    /// <summary>Every run folder in the store (<c>&lt;test&gt;/&lt;stamp&gt;/</c> holding test.json).</summary>
    public IEnumerable<string> Runs() =>
        !Directory.Exists(Root) ? [] :
        Directory.EnumerateDirectories(Root)
            .Where(d => new DirectoryInfo(d).LinkTarget is null)
            .SelectMany(t => Directory.EnumerateDirectories(t).Where(d => new DirectoryInfo(d).LinkTarget is null))
            .Where(d => File.Exists(Path.Combine(d, TestFile)) || File.Exists(Path.Combine(d, RunningFile)));

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
