using System.Globalization;
using Harness.Core.History;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// The shared look of every time plot: x axis in seconds since the run started, fault windows drawn first as
/// translucent vertical bands in their <see cref="FaultPalette"/> colour (one legend entry per fault kind), and
/// the legend in a panel right of the data so it never hides points. Rendered to PNG and returned as a data URI.
/// </summary>
internal static class PlotFrame
{
    public const int Width = 1100;
    public const int Height = 360;

    public static Plot Create(string title, string yLabel, double endSeconds, IReadOnlyList<FaultWindow> faults, FaultPalette palette)
    {
        PlotFonts.Ensure();
        var plot = new Plot();
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in faults)
        {
            var span = plot.Add.HorizontalSpan(w.StartNs / 1e9, Math.Max(w.EndNs, w.StartNs + 1) / 1e9,
                Color.FromHex(palette.HexOf(w.Fault)).WithAlpha(0.22));
            span.LineWidth = 0;
            span.EnableAutoscale = false;
            if (labelled.Add(w.Fault)) span.LegendText = w.Fault;
        }
        plot.Title(title);
        plot.XLabel("seconds since start");
        plot.YLabel(yLabel);
        plot.Axes.SetLimitsX(0, Math.Max(endSeconds, 1) * 1.01);
        return plot;
    }

    /// <summary>
    /// Log-scale y axis for data already transformed with log10 (ScottPlot 5 has no log axis; its docs suggest
    /// exactly this). Major ticks at 1, 2 and 5 times each power of ten when the data spans under three decades,
    /// else at powers of ten only; minor ticks at every integer multiple. Labels are in plain units.
    /// </summary>
    public static void UseLogY(Plot plot, double minLog, double maxLog)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var fine = maxLog - minLog < 3;
        for (var decade = (int)Math.Floor(minLog) - 1; decade <= (int)Math.Ceiling(maxLog) + 1; decade++)
            for (var k = 1; k <= 9; k++)
            {
                var position = decade + Math.Log10(k);
                if (k == 1 || (fine && k is 2 or 5))
                    ticks.AddMajor(position, (k * Math.Pow(10, decade)).ToString("G4", CultureInfo.InvariantCulture));
                else ticks.AddMinor(position);
            }
        plot.Axes.Left.TickGenerator = ticks;
    }

    /// <summary>Fixes the x range (autoscale would otherwise fit only the data), shows the legend, encodes a PNG.</summary>
    public static string ToDataUri(Plot plot, double endSeconds, bool yFromZero = false)
    {
        plot.Axes.AutoScaleY();
        if (yFromZero) plot.Axes.SetLimitsY(0, Math.Max(plot.Axes.GetLimits().Top, 1) * 1.05);
        plot.Axes.SetLimitsX(0, Math.Max(endSeconds, 1) * 1.01);
        if (plot.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText))))
            plot.ShowLegend(Edge.Right);
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
