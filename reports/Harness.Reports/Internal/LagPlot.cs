using Harness.Core.Databases;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// Replication lag per standby, behind the current primary, from <c>lag.jsonl</c>: replay lag in milliseconds (or,
/// when the primary reported none, the standby's age of the last replayed transaction), and, when present, WAL
/// bytes behind. Gaps are gaps: a line breaks where samples are missing, at every change of primary (what "behind"
/// means changed), and while the node is itself primary; a standby sampled without a replication row is drawn as a
/// thick "disconnected" bar along zero in its colour.
/// </summary>
internal static class LagPlot
{
    public static readonly string[] NodeColors = ["#1f77b4", "#ff7f0e", "#17becf", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];

    /// <summary>Zero to three data URIs: milliseconds of lag, heartbeat lag, then bytes behind.</summary>
    public static IReadOnlyList<string> Render(RunData run, FaultPalette palette)
    {
        var result = new List<string>(2);
        var useReplay = run.Lag.Any(s => s.ReplayLagMs is not null);
        Func<LagSample, double?> ms = useReplay ? s => s.ReplayLagMs : s => s.ReplayAgeMs;
        var title = useReplay ? "Replay lag behind the current primary, per standby" : "Age of the last replayed transaction, per standby";
        var msPlot = RenderMetric(run, palette, title, "lag (ms)", ms);
        if (msPlot is not null) result.Add(msPlot);
        var heartbeatPlot = RenderMetric(run, palette, "Heartbeat lag: how long each standby has missed an acknowledged heartbeat", "lag (ms)", s => s.HeartbeatLagMs);
        if (heartbeatPlot is not null) result.Add(heartbeatPlot);
        var bytesPlot = RenderMetric(run, palette, "WAL bytes behind the current primary, per standby", "bytes behind", s => s.LsnBehindBytes);
        if (bytesPlot is not null) result.Add(bytesPlot);
        return result;
    }

    public static string NodeHex(RunData run, string node)
    {
        var i = run.Roles.Nodes.ToList().IndexOf(node);
        return NodeColors[Math.Max(i, 0) % NodeColors.Length];
    }

    private static string? RenderMetric(RunData run, FaultPalette palette, string title, string yLabel, Func<LagSample, double?> metric)
    {
        if (!run.Lag.Any(s => metric(s) is not null)) return null;
        var plot = PlotFrame.Create(title, yLabel, run.EndSeconds, run.Faults, palette);
        var gap = LineGaps.GapThreshold(run.Lag.Select(s => s.Time).ToList()) / 1e9;
        foreach (var node in run.Lag.Select(s => s.Node).Distinct().Order(StringComparer.Ordinal))
        {
            var colour = Color.FromHex(NodeHex(run, node));
            var samples = run.Lag.Where(s => s.Node == node).OrderBy(s => s.Time).ToList();
            var legend = node;
            foreach (var epoch in samples.GroupBy(s => run.Roles.PrimaryAt(s.Time)))
            {
                var ys = epoch.Select(s => run.Roles.PrimaryAt(s.Time) == node ? null : metric(s)).ToList();
                foreach (var (x, y) in LineGaps.Runs(epoch.Select(s => s.Time / 1e9).ToList(), ys, gap))
                {
                    var (dx, dy) = Downsample.Evenly(x, y);
                    var line = plot.Add.ScatterLine(dx, dy, colour);
                    line.LineWidth = 1.5f;
                    line.MarkerSize = dx.Length == 1 ? 4 : 0;
                    if (legend is not null) line.LegendText = $"{legend} (behind {epoch.Key ?? "primary"})";
                    legend = null;
                }
            }
            DrawDisconnected(plot, samples, metric, colour, node, gap);
        }
        return PlotFrame.ToDataUri(plot, run.EndSeconds, yFromZero: true);
    }

    /// <summary>Stretches where the node was sampled as a standby but had no value (no replication row): a bar on zero.</summary>
    private static void DrawDisconnected(Plot plot, List<LagSample> samples, Func<LagSample, double?> metric, Color colour, string node, double gap)
    {
        var xs = samples.Select(s => s.Time / 1e9).ToList();
        var missing = samples.Select(s => metric(s) is null ? 0.0 : (double?)null).ToList();
        var labelled = false;
        foreach (var (x, _) in LineGaps.Runs(xs, missing, gap))
        {
            var bar = plot.Add.Line(x[0], 0, Math.Max(x[^1], x[0] + 0.2), 0);
            bar.Color = colour.WithAlpha(0.55);
            bar.LineWidth = 7;
            bar.MarkerSize = 0;
            if (!labelled) bar.LegendText = $"{node}: no replication row";
            labelled = true;
        }
    }
}
