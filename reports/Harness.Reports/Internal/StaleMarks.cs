using Harness.Core.Checking;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// Stale reads located: the stale-read checker lists each stale read as [invoke time ns, staleness ns, node];
/// on the latency plot each is a ring at its invocation, coloured by the fault phase it fell in
/// (<see cref="FaultMoment"/>), and a sentence says how many fell where.
/// </summary>
internal static class StaleMarks
{
    public static IReadOnlyList<(long InvokeNs, string? Node)> Of(RunData run)
    {
        var result = new List<(long, string?)>();
        foreach (var r in run.Result?.Flatten() ?? [])
            if (r.Details is IReadOnlyDictionary<string, object?> d && d.GetValueOrDefault("stale") is IReadOnlyList<object?> list)
                foreach (var item in list)
                    if (item is IReadOnlyList<object?> { Count: >= 1 } row && row[0] is long ns)
                        result.Add((ns, row.Count > 2 ? row[2] as string : null));
        return result;
    }

    public static string? Summary(RunData run)
    {
        var stale = Of(run);
        return stale.Count == 0 ? null
            : FaultMoment.Summary(stale.Count, "stale reads", "invoked", stale.Select(s => FaultMoment.At(run.Faults, s.InvokeNs)));
    }

    /// <summary>Draws the rings; <paramref name="latencyLogMsAt"/> gives the plotted y of the read invoked at a time.</summary>
    public static void Draw(Plot plot, RunData run, IReadOnlyDictionary<long, double> latencyLogMsAt)
    {
        foreach (var group in Of(run).GroupBy(s => FaultMoment.At(run.Faults, s.InvokeNs)))
        {
            var xs = group.Select(s => s.InvokeNs / 1e9).ToArray();
            var ys = group.Select(s => latencyLogMsAt.GetValueOrDefault(s.InvokeNs, 0)).ToArray();
            var marks = plot.Add.ScatterPoints(xs, ys, Color.FromHex(group.Key.Hex));
            marks.MarkerShape = MarkerShape.OpenCircle;
            marks.MarkerSize = 9;
            marks.LegendText = $"stale, {group.Key.Short} ({xs.Length})";
        }
    }
}
