using System.Globalization;
using System.Text;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.Storage;
using Harness.Core.Testing;
using Harness.Reports.Internal;

namespace Harness.Reports;

/// <summary>
/// The store's front page, <c>store/index.html</c>: every run (<c>store/&lt;test&gt;/&lt;yyyyMMddTHHmmssZ&gt;/</c>)
/// with its test name, start time, verdict read from its <c>results.json</c> (or "running" / "incomplete" while its
/// <c>running.pid</c> marker is there, the latter when its harness died), and a link to its report, newest
/// first (ties by test name), with its database, workload and faults from its <c>test.json</c>, and filters by
/// database, workload, fault and verdict (<see cref="StoreIndexFilters"/>). Self-contained like the reports; names
/// are escaped.
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
            var rows = runs.Select(r => Row.Of(storeDirectory, r)).ToList();
            var values = StoreIndexFilters.Dimensions.ToDictionary(d => d.Key, d => (IReadOnlyCollection<string>)rows
                .SelectMany(r => r.Values(d.Key)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
            StoreIndexFilters.Write(sb, values, rows.Count);
            sb.Append("<table class=\"runs\"><thead><tr><th>test</th><th>started (UTC)</th><th>database</th><th>workload</th><th>faults</th><th>verdict</th><th>report</th></tr></thead><tbody>\n");
            foreach (var row in rows) row.Write(sb);
            sb.Append("</tbody></table>\n").Append(StoreIndexFilters.Script);
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

    /// <summary>One table row: what the run was (from <c>test.json</c>), its state or verdict, and its report link.</summary>
    private sealed record Row(Run Run, TestSpec? Test, string VerdictWord, string VerdictHtml, string? Href)
    {
        public static Row Of(string store, Run run)
        {
            var test = ReadTest(run.Directory);
            var state = State(run.Directory);
            var verdict = StoreIndex.Verdict(run.Directory);
            var word = state is not null ? (state.Contains("INCOMPLETE", StringComparison.Ordinal) ? "incomplete" : "running")
                : verdict?.Word() ?? "no-result";
            var relative = Path.GetRelativePath(store, Path.Combine(run.Directory, HtmlReport.FileName)).Replace('\\', '/');
            var href = File.Exists(Path.Combine(run.Directory, HtmlReport.FileName)) ? string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)) : null;
            return new Row(run, test, word, state ?? (verdict is { } v ? Html.Badge(v) : "<span class=\"note\">no result</span>"), href);
        }

        public IEnumerable<string> Values(string key) => key switch
        {
            "database" => [Test?.Database ?? ""],
            "workload" => [Test?.Workload ?? ""],
            "faults" => Test?.Nemesis ?? [],
            _ => [VerdictWord],
        };

        public void Write(StringBuilder sb)
        {
            sb.Append("<tr data-database=\"").Append(Html.Escape(Test?.Database ?? "")).Append("\" data-workload=\"").Append(Html.Escape(Test?.Workload ?? ""))
              .Append("\" data-faults=\"").Append(Html.Escape(string.Join(' ', Test?.Nemesis ?? []))).Append("\" data-verdict=\"").Append(VerdictWord).Append("\"><td>")
              .Append(Html.Escape(Run.Test)).Append("</td><td>")
              .Append(Html.Escape(Run.Started?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? Run.Stamp)).Append("</td><td>")
              .Append(Html.Escape(Test?.Database ?? "")).Append("</td><td>").Append(Html.Escape(Test?.Workload ?? "")).Append("</td><td>")
              .Append(Html.Escape(string.Join(", ", Test?.Nemesis ?? []))).Append("</td><td>")
              .Append(VerdictHtml).Append("</td><td>")
              .Append(Href is null ? "<span class=\"note\">no report</span>" : $"<a href=\"{Html.Escape(Href)}\">report</a>")
              .Append("</td></tr>\n");
        }

        private static TestSpec? ReadTest(string directory)
        {
            var path = Path.Combine(directory, "test.json");
            try
            {
                return File.Exists(path) ? TestSpec.FromJson(File.ReadAllText(path)) : null;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or IOException or InvalidOperationException or ArgumentException)
            {
                return null; // an unreadable spec leaves the columns empty; the row still links the run
            }
        }
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
