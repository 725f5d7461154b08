using System.Globalization;
using System.Text;
using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// The lanes above the plots, on the plots' own x scale (<see cref="PlotFrame.X"/>): a lane per fault kind with each
/// window's parts (applying, in effect, healing) and phases, then one row per node coloured by its role (primary,
/// streaming, catching up, disconnected, unreachable, down, paused) with a hatched strip while it is partitioned,
/// and a marker at each failover. Every band carries its times as data attributes (<c>data-start-ns</c>,
/// <c>data-end-ns</c>) and a tooltip, so a reader (or a test) can match it to the nemesis table.
/// </summary>
internal static class LanesSvg
{
    private const int Row = 22;
    private const int Top = 8;

    public static readonly IReadOnlyDictionary<string, string> RoleHex = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["primary"] = "#1a4e8a", ["streaming"] = "#8fbce6", ["catching up"] = "#f1ce63", ["disconnected"] = "#e8a0a0",
        ["unreachable"] = "#d37295", ["down"] = "#333333", ["paused"] = "#9d7660", ["no sample"] = "#eeeeee",
    };

    public static void Write(StringBuilder sb, RunData run, FaultPalette palette)
    {
        var roles = run.Roles;
        if (run.Faults.Count == 0 && roles.Roles.Count == 0) return;
        // One lane per fault kind, so overlapping faults (--nemesis-mode overlap) never hide each other.
        var kinds = run.Faults.Select(f => f.Fault).Distinct(StringComparer.Ordinal).ToList();
        var height = Top + Row * (roles.Nodes.Count + Math.Max(kinds.Count, 1)) + 24;
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"lanes\" id=\"lanes\" width=\"{PlotFrame.Width}\" height=\"{height}\" viewBox=\"0 0 {PlotFrame.Width} {height}\" font-size=\"11\">\n");
        if (kinds.Count == 0) Label(sb, 0, "faults");
        for (var k = 0; k < kinds.Count; k++) Label(sb, k, kinds.Count == 1 ? "faults" : kinds[k]);
        foreach (var w in run.Faults) WriteFault(sb, run, w, palette, kinds.IndexOf(w.Fault));
        var first = Math.Max(kinds.Count, 1);
        for (var i = 0; i < roles.Nodes.Count; i++)
        {
            var node = roles.Nodes[i];
            Label(sb, first + i, node);
            foreach (var s in roles.Roles.Where(s => s.Node == node))
                Band(sb, run, first + i, s.StartNs, s.EndNs, RoleHex.GetValueOrDefault(s.Role, "#cccccc"), 1, "role",
                    $"{node}: {s.Detail}", $" data-node=\"{Html.Escape(node)}\" data-role=\"{Html.Escape(s.Role)}\"");
            foreach (var s in roles.Partitions.Where(s => s.Node == node))
                Band(sb, run, first + i, s.StartNs, s.EndNs, "url(#cut)", 1, "partitioned", $"{node}: {s.Detail}",
                    $" data-node=\"{Html.Escape(node)}\"", stripe: true);
        }
        foreach (var (at, node) in roles.Failovers)
        {
            var x = PlotFrame.X(at / 1e9, run.EndSeconds);
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"failover\" data-at-ns=\"{at}\"><title>{Html.Escape($"failover: {node} primary from {Html.Seconds(at)} s")}</title>")
              .Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{height - 16}\" stroke=\"#000\" stroke-dasharray=\"3 2\"/>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 3:0.#}\" y=\"{height - 5}\">⇄ {Html.Escape(node)} promoted</text></g>\n");
        }
        sb.Append("<defs><pattern id=\"cut\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
          .Append("<rect width=\"3\" height=\"6\" fill=\"#c62828\"/></pattern></defs>\n</svg>\n");
        WriteKey(sb, roles);
    }

    private static void WriteFault(StringBuilder sb, RunData run, FaultWindow w, FaultPalette palette, int row)
    {
        var hex = palette.HexOf(w.Fault);
        var times = $"invoked {Html.Seconds(w.InvokedNs)} s, in effect {Html.Seconds(w.InEffectNs)} s, stop invoked {Html.Seconds(w.StopInvokedNs)} s, healed {Html.Seconds(w.HealedNs)} s";
        foreach (var (start, end, part) in FaultBands.Parts(w))
            Band(sb, run, row, start, end, hex, part == "in-effect" ? 0.55 : 0.25, "fault-band", $"{w.Fault} ({part}): {times}",
                $" data-fault=\"{Html.Escape(w.Fault)}\" data-part=\"{part}\" data-lane=\"{row}\" data-invoked-ns=\"{w.InvokedNs}\"");
        foreach (var p in w.Phases)
            Band(sb, run, row, p.StartNs, p.EndNs, FaultMoment.PhaseHex(p.Name), 0.9, "fault-phase",
                $"{w.Fault}: {p.Name}{(p.Node is null ? "" : " (" + p.Node + ")")} {Html.Seconds(p.StartNs)}–{Html.Seconds(p.EndNs)} s",
                $" data-fault=\"{Html.Escape(w.Fault)}\" data-phase=\"{Html.Escape(p.Name)}\"", stripe: true);
    }

    private static void Band(StringBuilder sb, RunData run, int row, long startNs, long endNs, string fill, double opacity, string cls,
        string title, string attributes, bool stripe = false)
    {
        var x1 = PlotFrame.X(startNs / 1e9, run.EndSeconds);
        var x2 = Math.Max(PlotFrame.X(endNs / 1e9, run.EndSeconds), x1 + 1);
        var y = Top + row * Row + (stripe ? Row - 9 : 2);
        var h = stripe ? 6 : Row - 4;
        sb.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"{cls}\" data-start-ns=\"{startNs}\" data-end-ns=\"{endNs}\"{attributes} x=\"{x1:0.##}\" y=\"{y}\" width=\"{x2 - x1:0.##}\" height=\"{h}\" fill=\"{fill}\" fill-opacity=\"{opacity:0.##}\"><title>{Html.Escape(title)}</title></rect>\n");
    }

    private static void Label(StringBuilder sb, int row, string text) =>
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{PlotFrame.PadLeft - 6}\" y=\"{Top + row * Row + 15}\" text-anchor=\"end\"{(text.Length > 12 ? " font-size=\"8\"" : "")}>{Html.Escape(text)}</text>\n");

    private static void WriteKey(StringBuilder sb, RoleTimeline roles)
    {
        var used = roles.Roles.Select(r => r.Role).ToHashSet(StringComparer.Ordinal);
        sb.Append("<div class=\"fault-legend\">Roles: ");
        foreach (var (role, hex) in RoleHex.Where(kv => used.Contains(kv.Key)))
            sb.Append("<span class=\"fault-key\"><span class=\"swatch\" style=\"opacity:1;background:").Append(hex).Append("\"></span>").Append(Html.Escape(role)).Append("</span>");
        if (roles.Partitions.Count > 0) sb.Append("<span class=\"fault-key\"><span class=\"swatch\" style=\"background:#c62828\"></span>partitioned (strip)</span>");
        sb.Append("</div>\n");
    }
}
