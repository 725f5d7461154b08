using System.Text;
using Harness.Reports.Internal;

namespace Harness.Reports;

/// <summary>
/// Renders one run directory (<c>test.json</c>, <c>history.jsonl</c>, <c>results.json</c>, <c>lag.jsonl</c>,
/// <c>logs/</c>) into a single self-contained <c>report.html</c> beside them: the verdict first, then plots with
/// the fault windows shaded (latency, throughput, replication lag, lost writes), each checker's findings with the
/// operations they name, the nemesis's actions, and links to the raw files. No network, no scripts: inline CSS,
/// PNGs as data URIs, inline SVG. The same files always give the same bytes. Every string that came from a
/// database is escaped. Missing files leave their part empty with a note rather than failing.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    /// <summary>Writes <c>report.html</c> into <paramref name="runDirectory"/> and returns its path;
    /// <paramref name="faultColours"/> gives each fault's colour (from the registry); others get spare colours.</summary>
    public static string Write(string runDirectory, IReadOnlyDictionary<string, string>? faultColours = null)
    {
        var path = Path.Combine(runDirectory, FileName);
        Harness.Core.Storage.AtomicFile.WriteAllText(path, Render(runDirectory, faultColours)); // temp file + rename: never a torn page
        return path;
    }

    /// <summary>The report's HTML text, without writing it.</summary>
    public static string Render(string runDirectory, IReadOnlyDictionary<string, string>? faultColours = null)
    {
        var run = RunData.Load(runDirectory);
        var palette = new FaultPalette(run.Faults, faultColours);
        var sb = new StringBuilder(256 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
          .Append(Html.Escape((run.Test?.Name ?? "run") + " — " + (run.Result?.Validity.ToString().ToLowerInvariant() ?? "no result")))
          .Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("</style></head>\n<body>\n");
        HeaderSection.Write(sb, run);
        PlotsSection.Write(sb, run, palette);
        CheckersSection.Write(sb, run);
        NemesisSection.Write(sb, run);
        FilesSection.Write(sb, runDirectory);
        sb.Append("</body></html>\n");
        return sb.ToString();
    }
}
