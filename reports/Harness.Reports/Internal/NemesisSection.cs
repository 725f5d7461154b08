using System.Globalization;
using System.Text;
using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>The faults as they happened: a legend of fault colours (the same as in the plots), the fault windows
/// (invoked, in effect, stop invoked, healed, phases), and a compact table of the nemesis's own operations.</summary>
internal static class NemesisSection
{
    private const int MaxRows = 300;

    public static void WriteLegend(StringBuilder sb, FaultPalette palette)
    {
        if (palette.Entries.Count == 0) return;
        sb.Append("<div class=\"fault-legend\">Fault windows: ");
        foreach (var (fault, hex) in palette.Entries)
            sb.Append("<span class=\"fault-key\"><span class=\"swatch\" style=\"background:").Append(hex).Append("\"></span>")
              .Append(Html.Escape(fault)).Append("</span>");
        sb.Append("</div>\n");
    }

    /// <summary>One row per fault window with its four times (seconds) and phases; the row carries the times in ns
    /// as data attributes, the same numbers the bands in the lanes carry.</summary>
    private static void WriteWindows(StringBuilder sb, IReadOnlyList<FaultWindow> faults)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<table class=\"ops fault-windows\"><thead><tr><th>fault</th><th>invoked (s)</th><th>in effect (s)</th><th>stop invoked (s)</th>")
          .Append("<th>healed (s)</th><th>phases</th><th>nodes</th><th>description</th></tr></thead><tbody>\n");
        foreach (var w in faults.Take(MaxRows))
        {
            var phases = string.Join("; ", w.Phases.Select(p =>
                $"{p.Name}{(p.Node is null ? "" : " " + p.Node)} {Html.Seconds(p.StartNs)}–{Html.Seconds(p.EndNs)}"));
            sb.Append(inv, $"<tr class=\"fault-window\" data-fault=\"{Html.Escape(w.Fault)}\" data-invoked-ns=\"{w.InvokedNs}\" data-in-effect-ns=\"{w.InEffectNs}\" ")
              .Append(inv, $"data-stop-invoked-ns=\"{w.StopInvokedNs}\" data-healed-ns=\"{w.HealedNs}\">");
            foreach (var cell in new[] { w.Fault, Html.Seconds(w.InvokedNs), Html.Seconds(w.InEffectNs), Html.Seconds(w.StopInvokedNs),
                         Html.Seconds(w.HealedNs), phases, string.Join(", ", w.Nodes), Html.Clip(w.Description) })
                sb.Append("<td>").Append(Html.Escape(cell)).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    public static void Write(StringBuilder sb, RunData run)
    {
        sb.Append("<section id=\"nemesis\"><h2>Nemesis</h2>\n");
        var ops = run.Ops.Where(o => o.IsNemesis).ToList();
        if (ops.Count == 0)
        {
            sb.Append("<p class=\"note\">No nemesis operations were recorded.</p>\n</section>\n");
            return;
        }
        WriteWindows(sb, run.Faults);
        Html.Table(sb, "ops", ["time (s)", "type", "f", "value", "error"],
            ops.Take(MaxRows).Select(o => (IReadOnlyList<string>)[Html.Seconds(o.Time), OpColors.Name(o.Type), o.F, Html.Clip(ValueText.Format(o.Value)), Html.Clip(o.Error)]));
        Html.CappedNote(sb, MaxRows, ops.Count, "nemesis operations");
        sb.Append("</section>\n");
    }
}
