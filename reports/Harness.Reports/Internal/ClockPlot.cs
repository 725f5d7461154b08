using System.Globalization;
using Harness.Core.History;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// Each node's clock offset over time (node clock minus true time, in seconds), from the offsets the clock nemesis
/// measures inside every node each time it starts or stops a clock fault (<c>{"clock": ..., "offsets": {...}}</c>).
/// The offset is known only at those moments, so each sample is a marker and consecutive samples of a node are
/// joined by a thin line (a skew moves the clock between samples; a bump jumps at the start op). No samples, no plot.
/// </summary>
internal static class ClockPlot
{
    /// <summary>The offset samples of a history: (time ns, node, offset s), in time order.</summary>
    public static IReadOnlyList<(long Ns, string Node, double Offset)> Samples(IReadOnlyList<Op> ops)
    {
        var samples = new List<(long, string, double)>();
        foreach (var op in ops)
        {
            if (!op.IsNemesis || op.IsInvoke) continue;
            if (op.Value is not IReadOnlyDictionary<string, object?> map) continue;
            if (!map.TryGetValue("offsets", out var raw) || raw is not IReadOnlyDictionary<string, object?> offsets) continue;
            foreach (var (node, value) in offsets)
            {
                if (value is null) continue;
                samples.Add((op.Time, node, Convert.ToDouble(value, CultureInfo.InvariantCulture)));
            }
        }
        return samples;
    }

    public static string? Render(RunData run, FaultPalette palette)
    {
        var samples = Samples(run.Ops);
        if (samples.Count == 0) return null;
        var plot = PlotFrame.Create("Clock offset per node (measured inside each node at every clock fault start and stop)",
            "offset (s)", run.EndSeconds, run.Faults, palette);
        var nodes = samples.Select(s => s.Node).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            var mine = samples.Where(s => s.Node == nodes[i]).ToList();
            var colour = Color.FromHex(LagPlot.NodeHex(run, nodes[i]));
            var line = plot.Add.Scatter(mine.Select(s => s.Ns / 1e9).ToArray(), mine.Select(s => s.Offset).ToArray(), colour);
            line.LineWidth = 1;
            line.MarkerSize = 6;
            line.LegendText = nodes[i];
        }
        return PlotFrame.ToDataUri(plot, run.EndSeconds);
    }
}
