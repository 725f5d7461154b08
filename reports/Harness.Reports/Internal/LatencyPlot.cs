using Harness.Core.History;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// Latency over time (Jepsen's latency-raw plot): one point per completed client operation at its invocation
/// time, y = how long it took in milliseconds on a log axis, coloured by how it completed. Timeouts show up as an
/// amber ceiling, a partition as a gap or a cloud of red. Stale reads are ringed (<see cref="StaleMarks"/>).
/// </summary>
internal static class LatencyPlot
{
    public static string? Render(RunData run, FaultPalette palette)
    {
        var xs = OpColors.CompletionTypes.ToDictionary(t => t, _ => new List<double>());
        var ys = OpColors.CompletionTypes.ToDictionary(t => t, _ => new List<double>());
        var byInvoke = new Dictionary<long, double>();
        for (var i = 0; i < run.Ops.Count; i++)
        {
            var done = run.Ops[i];
            if (done.IsInvoke || done.IsNemesis) continue;
            var inv = run.Pairs.PartnerOf(i);
            if (inv < 0) continue;
            var invoke = run.Ops[inv];
            var ms = Math.Max((done.Time - invoke.Time) / 1e6, 0.01);
            xs[done.Type].Add(invoke.Seconds);
            ys[done.Type].Add(Math.Log10(ms));
            byInvoke.TryAdd(invoke.Time, Math.Log10(ms));
        }
        if (xs.Values.All(l => l.Count == 0)) return null;
        var plot = PlotFrame.Create("Latency of client operations (by invocation time)", "latency (ms, log scale)",
            run.EndSeconds, run.Faults, palette);
        foreach (var t in OpColors.CompletionTypes)
        {
            if (xs[t].Count == 0) continue;
            var (x, y) = Downsample.Evenly(xs[t], ys[t]);
            var points = plot.Add.ScatterPoints(x, y, Color.FromHex(OpColors.HexOf(t)));
            points.MarkerSize = 4;
            points.LegendText = $"{OpColors.Name(t)} ({xs[t].Count})";
        }
        StaleMarks.Draw(plot, run, byInvoke);
        var all = ys.Values.SelectMany(l => l).ToList();
        PlotFrame.UseLogY(plot, all.Min(), all.Max());
        return PlotFrame.ToDataUri(plot, run.EndSeconds);
    }
}
