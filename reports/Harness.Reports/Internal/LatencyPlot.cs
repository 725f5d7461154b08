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
        // Two passes over the history so a long run is never held as points: the first counts each series and finds
        // the y range, the second keeps only the points Downsample.Evenly would keep (the same picture, same bytes).
        var counts = OpColors.CompletionTypes.ToDictionary(t => t, _ => 0);
        double min = double.MaxValue, max = double.MinValue;
        foreach (var (type, _, y) in Points(run))
        {
            counts[type]++;
            (min, max) = (Math.Min(min, y), Math.Max(max, y));
        }
        if (counts.Values.All(n => n == 0)) return null;
        var kept = OpColors.CompletionTypes.ToDictionary(t => t, t => new Downsample.Stream(counts[t]));
        var staleAt = StaleMarks.Of(run).Select(s => s.InvokeNs).ToHashSet();
        var byInvoke = new Dictionary<long, double>();
        foreach (var (type, invokeNs, y) in Points(run))
        {
            kept[type].Offer(invokeNs / 1e9, y);
            if (staleAt.Contains(invokeNs)) byInvoke.TryAdd(invokeNs, y);
        }
        var plot = PlotFrame.Create("Latency of client operations (by invocation time)", "latency (ms, log scale)",
            run.EndSeconds, run.Faults, palette);
        foreach (var t in OpColors.CompletionTypes)
        {
            if (counts[t] == 0) continue;
            var points = plot.Add.ScatterPoints(kept[t].Xs, kept[t].Ys, Color.FromHex(OpColors.HexOf(t)));
            points.MarkerSize = 4;
            points.LegendText = $"{OpColors.Name(t)} ({counts[t]})";
        }
        StaleMarks.Draw(plot, run, byInvoke);
        PlotFrame.UseLogY(plot, min, max);
        return PlotFrame.ToDataUri(plot, run.EndSeconds);
    }

    /// <summary>Each completed client operation: how it completed, when it was invoked (ns), log10 of its latency in ms.</summary>
    private static IEnumerable<(OpType Type, long InvokeNs, double LogMs)> Points(RunData run)
    {
        for (var i = 0; i < run.Ops.Count; i++)
        {
            var done = run.Ops[i];
            if (done.IsInvoke || done.IsNemesis) continue;
            var inv = run.Pairs.PartnerOf(i);
            if (inv < 0) continue;
            var invoke = run.Ops[inv];
            var ms = Math.Max((done.Time - invoke.Time) / 1e6, 0.01);
            yield return (done.Type, invoke.Time, Math.Log10(ms));
        }
    }
}
