using System.Globalization;
using System.Text;
using Harness.Core.Checking;
using Harness.Reports.Internal;
using ScottPlot;

namespace Harness.Reports;

/// <summary>
/// The trade-off page (<c>compare.html</c>): one row per run with its verdict and figures (latency, throughput,
/// acknowledged writes lost, stale reads, session violations, lag), every row linking to the run's own report, the
/// claims of the scenarios with whether they held, and bar plots comparing the variants. Offline and escaped like
/// every report.
/// </summary>
public static class TradeOffPage
{
    public static readonly IReadOnlyList<string> Columns =
        ["latency-p50-ms", "latency-p99-ms", "ok-per-s", "acknowledged-count", "lost-count", "stale-count", "session-violation-count", "max-lag-ms"];

    private static readonly string[] Plotted = ["lost-count", "latency-p50-ms", "latency-p99-ms", "stale-count", "max-lag-ms"];

    public static string Write(string path, string title, IReadOnlyList<ComparisonClaim> claims, IReadOnlyList<ComparisonRow> rows)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").Append(Html.Escape(title))
          .Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("</style></head>\n<body>\n<h1>").Append(Html.Escape(title)).Append("</h1>\n");
        if (claims.Count > 0)
        {
            sb.Append("<h2>Claims</h2>\n<table class=\"runs\"><thead><tr><th>scenario</th><th>claim</th><th>verdict</th><th>numbers</th><th>wall time</th></tr></thead><tbody>\n");
            foreach (var c in claims)
                sb.Append("<tr><td>").Append(Html.Escape(c.Group)).Append("</td><td>").Append(Html.Escape(c.Claim)).Append("</td><td>")
                  .Append(Html.Badge(c.Verdict)).Append("</td><td>").Append(string.Join("<br>", c.Details.Select(Html.Escape))).Append("</td><td>")
                  .Append(c.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)).Append(" s</td></tr>\n");
            sb.Append("</tbody></table>\n");
        }
        sb.Append("<h2>Runs</h2>\n<table class=\"runs\"><thead><tr><th>scenario</th><th>run</th><th>seed</th><th>verdict</th>");
        foreach (var c in Columns) sb.Append("<th>").Append(Html.Escape(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var r in rows) Row(sb, dir, r);
        sb.Append("</tbody></table>\n");
        foreach (var measure in Plotted)
            if (Bars(rows, measure) is { } uri)
                sb.Append("<figure><img alt=\"").Append(Html.Escape(measure)).Append(" per run\" src=\"").Append(uri).Append("\"></figure>\n");
        sb.Append("</body></html>\n");
        Directory.CreateDirectory(dir);
        var temp = path + ".tmp";
        File.WriteAllText(temp, sb.ToString(), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
        return path;
    }

    private static void Row(StringBuilder sb, string dir, ComparisonRow r)
    {
        var report = r.RunDirectory is null ? null : Path.Combine(r.RunDirectory, HtmlReport.FileName);
        var link = report is not null && File.Exists(report) ? Path.GetRelativePath(dir, report).Replace('\\', '/') : null;
        sb.Append("<tr><td>").Append(Html.Escape(r.Group)).Append("</td><td>");
        if (link is null) sb.Append(Html.Escape(r.Label));
        else sb.Append("<a href=\"").Append(Html.Escape(link)).Append("\">").Append(Html.Escape(r.Label)).Append("</a>");
        sb.Append("</td><td>").Append(r.Seed.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Html.Badge(r.Verdict)).Append("</td>");
        foreach (var c in Columns)
            sb.Append("<td>").Append(r.Figures.GetValueOrDefault(c) is { } v ? Html.Number(v) : "–").Append("</td>");
        sb.Append("</tr>\n");
    }

    /// <summary>Mean of a figure per (group, label), as bars; null when no row has it.</summary>
    private static string? Bars(IReadOnlyList<ComparisonRow> rows, string measure)
    {
        var groups = rows.GroupBy(r => r.Group + " / " + r.Label)
            .Select(g => (Name: g.Key, Values: g.Select(r => r.Figures.GetValueOrDefault(measure)).OfType<double>().ToList()))
            .Where(g => g.Values.Count > 0).ToList();
        if (groups.Count == 0) return null;
        PlotFonts.Ensure();
        var plot = new Plot();
        var bars = groups.Select((g, i) => new Bar { Position = i, Value = g.Values.Average(), FillColor = Color.FromHex("#4e79a7") }).ToArray();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(groups.Select((_, i) => (double)i).ToArray(), groups.Select(g => g.Name).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 20;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Title($"{measure} (mean over seeds)");
        plot.Axes.Margins(bottom: 0);
        var png = plot.GetImageBytes(PlotFrame.Width, PlotFrame.Height + 60, ImageFormat.Png);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
