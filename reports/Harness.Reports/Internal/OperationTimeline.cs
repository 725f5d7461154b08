using System.Globalization;
using System.Text;
using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// A small inline SVG of the operations a linearizability anomaly names, Knossos/Porcupine style: one lane per
/// process, a bar from invocation to completion coloured by outcome (grey and open-ended when it never completed),
/// labelled with f and value. Overlapping bars are exactly the operations that could have been ordered either way.
/// </summary>
internal static class OperationTimeline
{
    private const int Width = 1000, LaneHeight = 30, LabelWidth = 110, Top = 24;
    private const int MaxOps = 40;

    public static void Write(StringBuilder sb, RunData run, IReadOnlyList<long> indices)
    {
        var bars = Bars(run, indices);
        if (bars.Count == 0) return;
        var lanes = bars.Select(b => b.Invoke.Process).Distinct().Order().ToList();
        var t0 = bars.Min(b => b.Invoke.Time);
        var lastEnd = bars.Max(b => b.Done?.Time ?? b.Invoke.Time);
        var t1 = Math.Max(lastEnd + (lastEnd - t0) / 10, t0 + 1);
        double X(long t) => LabelWidth + (Width - LabelWidth - 10) * (double)(t - t0) / (t1 - t0);
        var height = Top + lanes.Count * LaneHeight + 20;
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">\n");
        sb.Append(inv, $"<text x=\"{LabelWidth}\" y=\"14\">{Html.Seconds(t0)} s</text><text x=\"{Width - 10}\" y=\"14\" text-anchor=\"end\">{Html.Seconds(t1)} s</text>\n");
        for (var l = 0; l < lanes.Count; l++)
        {
            var y = Top + l * LaneHeight;
            sb.Append(inv, $"<text x=\"4\" y=\"{y + 18}\">process {lanes[l]}</text><line x1=\"{LabelWidth}\" y1=\"{y + LaneHeight - 2}\" x2=\"{Width - 10}\" y2=\"{y + LaneHeight - 2}\" stroke=\"#ddd\"/>\n");
        }
        foreach (var b in bars) WriteBar(sb, b, Top + lanes.IndexOf(b.Invoke.Process) * LaneHeight, X(b.Invoke.Time), X(b.Done?.Time ?? t1));
        sb.Append("</svg>\n");
    }

    private static void WriteBar(StringBuilder sb, (Op Invoke, Op? Done) b, int y, double x1, double x2)
    {
        var inv = CultureInfo.InvariantCulture;
        var colour = b.Done is null ? "#aaaaaa" : OpColors.HexOf(b.Done.Type);
        var shown = b.Done is { IsOk: true } ? b.Done.Value : b.Invoke.Value;
        var label = $"{b.Invoke.F} {ValueText.Format(shown)}";
        var outcome = b.Done is null ? "never completed" : $"{OpColors.Name(b.Done.Type)} at {Html.Seconds(b.Done.Time)} s";
        var title = $"op {b.Invoke.Index}: {label}, invoked at {Html.Seconds(b.Invoke.Time)} s, {outcome}";
        var w = Math.Max(x2 - x1, 2);
        sb.Append(inv, $"<g><title>{Html.Escape(title)}</title><rect x=\"{x1:0.#}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{LaneHeight - 10}\" rx=\"3\" fill=\"{colour}\" fill-opacity=\"0.35\" stroke=\"{colour}\"")
          .Append(b.Done is null ? " stroke-dasharray=\"4 2\"" : "")
          .Append(inv, $"/><text x=\"{x1 + 3:0.#}\" y=\"{y + 18}\">{Html.Escape(Html.Clip(label, 40))}</text></g>\n");
    }

    private static List<(Op Invoke, Op? Done)> Bars(RunData run, IReadOnlyList<long> indices)
    {
        var seen = new HashSet<int>();
        var bars = new List<(Op, Op?)>();
        foreach (var index in indices)
        {
            var p = run.Pairs.PositionOf(index);
            if (p < 0 || run.Ops[p].IsNemesis) continue;
            var invoke = run.Ops[p].IsInvoke ? p : run.Pairs.PartnerOf(p);
            if (invoke < 0 || !seen.Add(invoke)) continue;
            var done = run.Pairs.PartnerOf(invoke);
            bars.Add((run.Ops[invoke], done < 0 ? null : run.Ops[done]));
            if (bars.Count == MaxOps) break;
        }
        return bars;
    }
}
