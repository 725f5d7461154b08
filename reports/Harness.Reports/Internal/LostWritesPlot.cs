using Harness.Core.Checking;
using Harness.Core.History;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// For the set workload: how many acknowledged writes were lost, cumulatively, against the time each was
/// acknowledged. The set checker's <see cref="CheckResult.Details"/> is a dictionary whose "lost" entry lists
/// [element, ackTimeNs] pairs; a step that lines up with a fault band shows which fault lost the data.
/// </summary>
internal static class LostWritesPlot
{
    public static IReadOnlyList<(double AckSeconds, string Element)> LostOf(CheckResult r)
    {
        if (r.Details is not IReadOnlyDictionary<string, object?> details
            || !details.TryGetValue("lost", out var lost) || lost is not IReadOnlyList<object?> pairs) return [];
        var result = new List<(double, string)>(pairs.Count);
        foreach (var p in pairs)
            if (p is IReadOnlyList<object?> { Count: >= 2 } pair && ToDouble(pair[1]) is { } ns)
                result.Add((ns / 1e9, ValueText.Format(pair[0])));
        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return result;
    }

    public static string? Render(RunData run, FaultPalette palette, CheckResult setResult)
    {
        var lost = LostOf(setResult);
        if (lost.Count == 0) return null;
        var xs = new List<double>(lost.Count + 2) { 0 };
        var ys = new List<double>(lost.Count + 2) { 0 };
        for (var i = 0; i < lost.Count; i++)
        {
            xs.Add(lost[i].AckSeconds);
            ys.Add(i + 1);
        }
        xs.Add(Math.Max(run.EndSeconds, lost[^1].AckSeconds));
        ys.Add(lost.Count);
        var plot = PlotFrame.Create($"Acknowledged writes lost ({setResult.Checker}): cumulative, by acknowledgement time",
            "lost acknowledged writes", Math.Max(run.EndSeconds, lost[^1].AckSeconds), run.Faults, palette);
        var (x, y) = Downsample.Evenly(xs, ys);
        var line = plot.Add.ScatterLine(x, y, Color.FromHex(OpColors.Fail));
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.LegendText = $"lost ({lost.Count})";
        return PlotFrame.ToDataUri(plot, Math.Max(run.EndSeconds, lost[^1].AckSeconds), yFromZero: true);
    }

    private static double? ToDouble(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => d,
        _ => null,
    };
}
