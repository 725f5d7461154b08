using System.Globalization;
using System.Text;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.Storage;
using Harness.Reports.Internal;

namespace Harness.Reports;

/// <summary>
/// The store's front page, <c>store/index.html</c>: every run (<c>store/&lt;test&gt;/&lt;yyyyMMddTHHmmssZ&gt;/</c>)
/// with its test name, start time, verdict read from its <c>results.json</c> (or "running" / "incomplete" while its
/// <c>running.pid</c> marker is there, the latter when its harness died), and a link to its report, newest
/// first (ties by test name). Self-contained like the reports; names are escaped.
/// </summary>
public static class StoreIndex
{
    public const string FileName = "index.html";

    public static string Write(string storeDirectory)
    {
        var runs = FindRuns(storeDirectory);
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Harness runs</title>\n<style>\n")
          .Append(ReportStyle.Css).Append("</style></head>\n<body>\n<h1>Harness runs</h1>\n");
        if (runs.Count == 0) sb.Append("<p class=\"note\">No runs in this store yet.</p>\n");
        else
        {
            sb.Append("<table class=\"runs\"><thead><tr><th>test</th><th>started (UTC)</th><th>verdict</th><th>report</th></tr></thead><tbody>\n");
            foreach (var run in runs) WriteRow(sb, storeDirectory, run);
            sb.Append("</tbody></table>\n");
        }
        sb.Append("</body></html>\n");
        var path = Path.Combine(storeDirectory, FileName);
        Harness.Core.Storage.AtomicFile.WriteAllText(path, sb.ToString()); // temp file + rename: concurrent runs never tear it
        return path;
    }

    private sealed record Run(string Test, string Stamp, string Directory, DateTime? Started);

    private static List<Run> FindRuns(string store)
    {
        if (!System.IO.Directory.Exists(store)) return [];
        var runs = new List<Run>();
        foreach (var testDir in System.IO.Directory.GetDirectories(store))
            foreach (var runDir in System.IO.Directory.GetDirectories(testDir))
            {
                var stamp = Path.GetFileName(runDir);
                var started = DateTime.TryParseExact(stamp, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTime?)null;
                if (started is null && !File.Exists(Path.Combine(runDir, "test.json"))) continue; // not a run
                runs.Add(new Run(Path.GetFileName(testDir), stamp, runDir, started));
            }
        return runs.OrderByDescending(r => r.Started ?? DateTime.MinValue)
            .ThenByDescending(r => r.Stamp, StringComparer.Ordinal)
            .ThenBy(r => r.Test, StringComparer.Ordinal).ToList();
    }

    private static void WriteRow(StringBuilder sb, string store, Run run)
    {
        var verdict = Verdict(run.Directory);
        var relative = Path.GetRelativePath(store, Path.Combine(run.Directory, HtmlReport.FileName)).Replace('\\', '/');
        var href = string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
        sb.Append("<tr><td>").Append(Html.Escape(run.Test)).Append("</td><td>")
          .Append(Html.Escape(run.Started?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? run.Stamp)).Append("</td><td>")
          .Append(State(run.Directory) ?? (verdict is { } v ? Html.Badge(v) : "<span class=\"note\">no result</span>")).Append("</td><td>")
          .Append(File.Exists(Path.Combine(run.Directory, HtmlReport.FileName))
              ? $"<a href=\"{Html.Escape(href)}\">report</a>" : "<span class=\"note\">no report</span>")
          .Append("</td></tr>\n");
    }

    /// <summary>"running" while the run's harness lives, "incomplete" once it died without finishing (the
    /// <c>running.pid</c> marker is still there); null for a finished run.</summary>
    private static string? State(string runDirectory)
    {
        var marker = Path.Combine(runDirectory, "running.pid");
        if (!File.Exists(marker)) return null;
        string text;
        try
        {
            text = File.ReadAllText(marker);
        }
        catch (IOException)
        {
            return null;
        }
        return ProcessIdentity.Parse(text) is { IsAlive: false }
            ? "<span class=\"badge verdict-unknown\" title=\"the harness was killed before it finished; harness check re-checks the history\">INCOMPLETE</span>"
            : "<span class=\"note\">running</span>";
    }

    private static Validity? Verdict(string runDirectory)
    {
        var path = Path.Combine(runDirectory, "results.json");
        if (!File.Exists(path)) return null;
        try
        {
            return CheckResultJson.Read(path).Validity;
        }
        catch (Exception e) when (e is HistoryFormatException or IOException)
        {
            return null;
        }
    }
}
