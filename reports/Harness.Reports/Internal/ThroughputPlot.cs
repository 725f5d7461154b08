using Harness.Core.History;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// Throughput over time (Jepsen's rate plot): completions per second in one-second buckets, one line per
/// completion type, so a fault shows as ok falling and fail/info rising. Each bucket is a flat step over its
/// second, so a second with no completions is drawn as zero, never as a ramp between its neighbours.
/// </summary>
internal static class ThroughputPlot
{
    public static string? Render(RunData run, FaultPalette palette)
    {
        var buckets = (int)Math.Floor(run.EndSeconds) + 1;
        var counts = OpColors.CompletionTypes.ToDictionary(t => t, _ => new double[buckets]);
        var any = false;
        foreach (var op in run.Ops)
        {
            if (op.IsInvoke || op.IsNemesis) continue;
            var b = Math.Clamp((int)Math.Floor(op.Seconds), 0, buckets - 1);
            counts[op.Type][b]++;
            any = true;
        }
        if (!any) return null;
        var plot = PlotFrame.Create("Throughput (completions per second)", "ops/s", run.EndSeconds, run.Faults, palette);
        var xs = Enumerable.Range(0, buckets).Select(b => (double)b).ToArray();
        foreach (var t in OpColors.CompletionTypes)
        {
            if (counts[t].All(c => c == 0)) continue;
            var (x, y) = Downsample.Evenly(xs, counts[t]);
            var line = plot.Add.ScatterLine(x, y, Color.FromHex(OpColors.HexOf(t)));
            line.LineWidth = 1.5f;
            line.ConnectStyle = ConnectStyle.StepHorizontal; // an empty second is a flat zero, not a ramp
            line.LegendText = OpColors.Name(t);
        }
        return PlotFrame.ToDataUri(plot, run.EndSeconds, yFromZero: true);
    }
}
