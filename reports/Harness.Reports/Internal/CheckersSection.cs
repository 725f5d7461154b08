using System.Globalization;
using System.Text;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// One block per checker result (the composition and each part): verdict, summary, stats, anomaly counts, then
/// each kept anomaly with its explanation and the operations it names. A checker's own SVG drawing (the
/// transactional checker's cycle) is embedded as is, a checker's table (details.table) is shown; linearizability anomalies get a per-process timeline.
/// </summary>
internal static class CheckersSection
{
    private const int MaxAnomaliesPerChecker = 20;
    private const int MaxOpsPerAnomaly = 40;
    private const int MaxTableRows = 200;

    public static void Write(StringBuilder sb, RunData run)
    {
        sb.Append("<section id=\"checkers\"><h2>Checkers</h2>\n");
        if (run.Result is null) sb.Append("<p class=\"note\">No check result to show.</p>\n");
        else foreach (var r in run.Result.Flatten()) WriteResult(sb, run, r);
        sb.Append("</section>\n");
    }

    private static void WriteResult(StringBuilder sb, RunData run, CheckResult r)
    {
        sb.Append("<div class=\"checker ").Append(Html.VerdictClass(r.Validity)).Append("\"><h3>").Append(Html.Badge(r.Validity))
          .Append(' ').Append(Html.Escape(r.Checker)).Append("</h3>\n<p>").Append(Html.Escape(Html.Clip(r.Summary, 2000))).Append("</p>\n");
        if (r.Stats.Count > 0)
            Html.Table(sb, "stats", ["stat", "value"],
                r.Stats.Select(kv => (IReadOnlyList<string>)[kv.Key, Html.Clip(ValueText.Format(kv.Value), 200)]));
        if (r.AnomalyCounts.Count > 0)
            Html.Table(sb, "stats", ["anomaly", "count"],
                r.AnomalyCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value.ToString(CultureInfo.InvariantCulture)]));
        var linearizability = r.Checker.Contains("linear", StringComparison.OrdinalIgnoreCase);
        foreach (var a in r.Anomalies.Take(MaxAnomaliesPerChecker)) WriteAnomaly(sb, run, a, linearizability);
        Html.CappedNote(sb, MaxAnomaliesPerChecker, r.Anomalies.Count, "anomalies");
        WriteDetailsTable(sb, r);
        var lost = LostWritesPlot.LostOf(r);
        if (lost.Count > 0)
        {
            sb.Append("<p>Acknowledged but lost (element, acknowledged at):</p>\n");
            Html.Table(sb, "ops", ["element", "ack time (s)"],
                lost.Take(100).Select(l => (IReadOnlyList<string>)[Html.Clip(l.Element), l.AckSeconds.ToString("0.000", CultureInfo.InvariantCulture)]));
            Html.CappedNote(sb, 100, lost.Count, "lost writes");
        }
        sb.Append("</div>\n");
    }

    /// <summary>A checker's own table: <c>details.table = {title, columns: [...], rows: [[...]]}</c> (e.g. replica placement).</summary>
    private static void WriteDetailsTable(StringBuilder sb, CheckResult r)
    {
        if (r.Details is not IReadOnlyDictionary<string, object?> d || d.GetValueOrDefault("table") is not IReadOnlyDictionary<string, object?> t
            || t.GetValueOrDefault("columns") is not IReadOnlyList<object?> columns || t.GetValueOrDefault("rows") is not IReadOnlyList<object?> rows) return;
        sb.Append("<p>").Append(Html.Escape(t.GetValueOrDefault("title") as string ?? "Details")).Append(":</p>\n");
        static string Cell(object? c) => Html.Clip(c as string ?? ValueText.Format(c), 200);
        Html.Table(sb, "ops", columns.Select(Cell).ToList(),
            rows.Take(MaxTableRows).OfType<IReadOnlyList<object?>>().Select(row => (IReadOnlyList<string>)row.Select(Cell).ToList()));
        Html.CappedNote(sb, MaxTableRows, rows.Count, "rows");
    }

    private static void WriteAnomaly(StringBuilder sb, RunData run, Anomaly a, bool linearizability)
    {
        sb.Append("<div class=\"anomaly\"><h4>").Append(Html.Escape(a.Kind)).Append("</h4>\n<p>")
          .Append(Html.Escape(Html.Clip(a.Explanation, 4000))).Append("</p>\n");
        if (a.Data is IReadOnlyDictionary<string, object?> data && data.TryGetValue("svg", out var svg) && svg is string drawing)
            sb.Append("<div class=\"drawing\">").Append(drawing).Append("</div>\n"); // our own checker's SVG, trusted
        if (linearizability || a.Kind.Contains("linear", StringComparison.OrdinalIgnoreCase))
            OperationTimeline.Write(sb, run, a.OpIndices);
        OpTable.WriteNamed(sb, run, a.OpIndices, MaxOpsPerAnomaly);
        sb.Append("</div>\n");
    }
}
