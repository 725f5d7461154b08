using Harness.Core.Checking;
using Harness.Core.History;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// For the set workload: how many acknowledged writes were lost, cumulatively, against the time each was
/// acknowledged. The set checker's <see cref="CheckResult.Details"/> is a dictionary whose "lost" entry lists
/// [element, ackTimeNs] pairs. Each lost write is a mark at its acknowledgement, coloured by the fault phase it
/// fell in (<see cref="FaultMoment"/>), over the cumulative count; <see cref="Summary"/> says the same in words.
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
        var line = plot.Add.ScatterLine(x, y, Color.FromHex("#888888"));
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 1.5f;
        line.LegendText = $"lost, cumulative ({lost.Count})";
        var moments = lost.Select(l => FaultMoment.At(run.Faults, (long)Math.Round(l.AckSeconds * 1e9))).ToList();
        foreach (var group in Enumerable.Range(0, lost.Count).GroupBy(i => moments[i]))
        {
            var marks = plot.Add.ScatterPoints(group.Select(i => lost[i].AckSeconds).ToArray(), group.Select(i => i + 1.0).ToArray(),
                Color.FromHex(group.Key.Hex));
            marks.MarkerSize = 5;
            marks.LegendText = $"lost, {group.Key.Short} ({group.Count()})";
        }
        return PlotFrame.ToDataUri(plot, Math.Max(run.EndSeconds, lost[^1].AckSeconds), yFromZero: true);
    }

    /// <summary>"464 lost: 464 acknowledged while pg1 was cut off from its standbys", or null when none was lost.</summary>
    public static string? Summary(RunData run, CheckResult setResult)
    {
        var lost = LostOf(setResult);
        return lost.Count == 0 ? null
            : FaultMoment.Summary(lost.Count, "lost", "acknowledged", lost.Select(l => FaultMoment.At(run.Faults, (long)Math.Round(l.AckSeconds * 1e9))));
    }

    private static double? ToDouble(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => d,
        _ => null,
    };
}
