using Harness.Core.History;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// Fault windows as bands on a time plot, as they happened: a light band while the fault is being applied
/// (invoked, not yet complete), full colour while in effect, light again while being healed (stop invoked to stop
/// completed). A compound fault's recorded phases (isolation, kill, promotion, writable) are drawn over it as
/// sub-bands in their phase colour. One legend entry per fault and per phase name.
/// </summary>
internal static class FaultBands
{
    public const double AppliedAlpha = 0.10;
    public const double InEffectAlpha = 0.22;
    public const double PhaseAlpha = 0.28;

    /// <summary>The parts of a window: (start, end, part) with part applying / in-effect / healing; empty parts left out.</summary>
    public static IReadOnlyList<(long StartNs, long EndNs, string Part)> Parts(FaultWindow w)
    {
        var parts = new List<(long, long, string)>(3);
        if (w.InEffectNs > w.StartNs) parts.Add((w.StartNs, w.InEffectNs, "applying"));
        if (w.StopInvokedNs > w.InEffectNs) parts.Add((w.InEffectNs, w.StopInvokedNs, "in-effect"));
        if (w.EndNs > Math.Max(w.StopInvokedNs, w.InEffectNs)) parts.Add((Math.Max(w.StopInvokedNs, w.InEffectNs), w.EndNs, "healing"));
        if (parts.Count == 0) parts.Add((w.StartNs, w.StartNs + 1, "in-effect"));
        return parts;
    }

    public static void Draw(Plot plot, IReadOnlyList<FaultWindow> faults, FaultPalette palette)
    {
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in faults)
        {
            var colour = Color.FromHex(palette.HexOf(w.Fault));
            foreach (var (start, end, part) in Parts(w))
                Span(plot, start, end, colour.WithAlpha(part == "in-effect" ? InEffectAlpha : AppliedAlpha),
                    part == "in-effect" && labelled.Add(w.Fault) ? w.Fault : null);
            foreach (var p in w.Phases)
                Span(plot, p.StartNs, p.EndNs, Color.FromHex(FaultMoment.PhaseHex(p.Name)).WithAlpha(PhaseAlpha),
                    labelled.Add(w.Fault + ":" + p.Name) ? $"{w.Fault}: {p.Name}" : null);
        }
    }

    private static void Span(Plot plot, long startNs, long endNs, Color colour, string? legend)
    {
        var span = plot.Add.HorizontalSpan(startNs / 1e9, Math.Max(endNs, startNs + 1) / 1e9, colour);
        span.LineWidth = 0;
        span.EnableAutoscale = false;
        if (legend is not null) span.LegendText = legend;
    }
}
