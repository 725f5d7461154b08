using Harness.Core.Databases;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// Replication lag per replica over time, from <c>lag.jsonl</c>: replay lag in milliseconds (or, when the
/// primary reported none, the replica's age of the last replayed transaction), and, when present, how many bytes
/// of WAL each replica is behind. A fault that cuts a replica off shows as its line climbing inside the band.
/// </summary>
internal static class LagPlot
{
    private static readonly string[] NodeColors = ["#1f77b4", "#ff7f0e", "#17becf", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];

    /// <summary>Zero, one or two data URIs: milliseconds of lag, then bytes behind.</summary>
    public static IReadOnlyList<string> Render(RunData run, FaultPalette palette)
    {
        var result = new List<string>(2);
        var useReplay = run.Lag.Any(s => s.ReplayLagMs is not null);
        Func<LagSample, double?> ms = useReplay ? s => s.ReplayLagMs : s => s.ReplayAgeMs;
        var title = useReplay ? "Replication lag: replay lag per replica" : "Replication lag: age of last replayed transaction";
        var msPlot = RenderMetric(run, palette, title, "lag (ms)", ms);
        if (msPlot is not null) result.Add(msPlot);
        var bytesPlot = RenderMetric(run, palette, "Replication lag: WAL bytes behind the primary", "bytes behind",
            s => s.LsnBehindBytes);
        if (bytesPlot is not null) result.Add(bytesPlot);
        return result;
    }

    private static string? RenderMetric(RunData run, FaultPalette palette, string title, string yLabel, Func<LagSample, double?> metric)
    {
        var byNode = run.Lag.Where(s => metric(s) is not null)
            .GroupBy(s => s.Node, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (byNode.Count == 0) return null;
        var plot = PlotFrame.Create(title, yLabel, run.EndSeconds, run.Faults, palette);
        for (var n = 0; n < byNode.Count; n++)
        {
            var samples = byNode[n].OrderBy(s => s.Time).ToList();
            var (x, y) = Downsample.Evenly(samples.Select(s => s.Time / 1e9).ToList(), samples.Select(s => metric(s)!.Value).ToList());
            var line = plot.Add.ScatterLine(x, y, Color.FromHex(NodeColors[n % NodeColors.Length]));
            line.LineWidth = 1.5f;
            line.LegendText = byNode[n].Key;
        }
        return PlotFrame.ToDataUri(plot, run.EndSeconds, yFromZero: true);
    }
}
