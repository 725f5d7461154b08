using System.Globalization;
using Harness.Core.History;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// The shared look of every time plot: x axis in seconds since the run started, fault windows drawn first as
/// translucent vertical bands (<see cref="FaultBands"/>: applying, in effect, healing, and phases), a fixed data
/// area so the lanes drawn above line up with every plot, and the legend in a panel right of the data. Rendered to PNG and returned as a data URI.
/// </summary>
internal static class PlotFrame
{
    public const int Width = 1100;
    public const int Height = 360;

    // A fixed data area, so every plot and the lanes above them share one x scale (pixel = same second).
    public const int PadLeft = 80;
    public const int PadRight = 270;
    public const int PadTop = 34;
    public const int PadBottom = 46;

    /// <summary>The x pixel of <paramref name="seconds"/> in a plot (and in the lanes) whose axis ends at <paramref name="endSeconds"/>.</summary>
    public static double X(double seconds, double endSeconds) =>
        PadLeft + seconds / AxisEnd(endSeconds) * (Width - PadLeft - PadRight);

    public static double AxisEnd(double endSeconds) => Math.Max(endSeconds, 1) * 1.01;

    public static Plot Create(string title, string yLabel, double endSeconds, IReadOnlyList<FaultWindow> faults, FaultPalette palette)
    {
        PlotFonts.Ensure();
        var plot = new Plot();
        FaultBands.Draw(plot, faults, palette);
        plot.Layout.Fixed(new PixelPadding(PadLeft, PadRight, PadBottom, PadTop));
        plot.Title(title);
        plot.XLabel("seconds since start");
        plot.YLabel(yLabel);
        plot.Axes.SetLimitsX(0, AxisEnd(endSeconds));
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
        plot.Axes.SetLimitsX(0, AxisEnd(endSeconds));
        if (plot.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText))))
            plot.ShowLegend(Edge.Right);
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
