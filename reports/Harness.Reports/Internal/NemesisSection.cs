using System.Globalization;
using System.Text;
using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>The faults as they happened: a legend of fault colours (the same as in the plots), the fault windows,
/// and a compact table of the nemesis's own operations.</summary>
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

    public static void Write(StringBuilder sb, RunData run)
    {
        sb.Append("<section id=\"nemesis\"><h2>Nemesis</h2>\n");
        var ops = run.Ops.Where(o => o.IsNemesis).ToList();
        if (ops.Count == 0)
        {
            sb.Append("<p class=\"note\">No nemesis operations were recorded.</p>\n</section>\n");
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        Html.Table(sb, "ops", ["fault", "from (s)", "to (s)", "duration (s)", "description"],
            run.Faults.Take(MaxRows).Select(w => (IReadOnlyList<string>)[w.Fault, Html.Seconds(w.StartNs), Html.Seconds(w.EndNs),
                ((w.EndNs - w.StartNs) / 1e9).ToString("0.000", inv), Html.Clip(w.Description)]));
        Html.Table(sb, "ops", ["time (s)", "type", "f", "value"],
            ops.Take(MaxRows).Select(o => (IReadOnlyList<string>)[Html.Seconds(o.Time), OpColors.Name(o.Type), o.F, Html.Clip(ValueText.Format(o.Value))]));
        Html.CappedNote(sb, MaxRows, ops.Count, "nemesis operations");
        sb.Append("</section>\n");
    }
}
