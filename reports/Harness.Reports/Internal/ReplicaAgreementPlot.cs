using System.Globalization;
using ScottPlot;

namespace Harness.Reports.Internal;

/// <summary>
/// For leaderless stores (a run with <c>convergence.jsonl</c>): the share of probed objects whose primaries all hold
/// the same copy, against run time, with the fault windows shaded. After each heal the probe polls until every
/// object agrees, so each heal is its own line rising to 100 %, and the gaps between heals are gaps (nobody looked:
/// replicas drift apart unseen while a fault lasts). The sample taken after the run is a mark at the right edge.
/// <see cref="Summary"/> says per heal how many objects disagreed and how long they took to agree.
/// </summary>
internal static class ReplicaAgreementPlot
{
    private const int MaxHealsInSummary = 6;

    public static string? Render(RunData run, FaultPalette palette)
    {
        var points = run.Agreement;
        if (points.Count == 0) return null;
        var plot = PlotFrame.Create("Replica agreement: probed objects whose primaries hold one copy, per probe round",
            "objects agreeing (%)", run.EndSeconds, run.Faults, palette);
        var colour = Color.FromHex("#1f77b4");
        string? legend = "after a heal, until all agree";
        foreach (var heal in points.Where(p => p.Phase == "heal").GroupBy(p => p.Heal))
        {
            var line = plot.Add.ScatterLine(heal.Select(p => p.Seconds).ToArray(), heal.Select(p => p.Percent).ToArray(), colour);
            line.LineWidth = 1.5f;
            line.MarkerSize = 6;
            if (legend is not null) line.LegendText = legend;
            legend = null;
        }
        var final = points.Where(p => p.Phase == "final").ToList();
        if (final.Count > 0)
        {
            var marks = plot.Add.ScatterPoints(final.Select(_ => run.EndSeconds).ToArray(), final.Select(p => p.Percent).ToArray(), Color.FromHex("#2ca02c"));
            marks.MarkerSize = 8;
            marks.LegendText = string.Create(CultureInfo.InvariantCulture, $"after the run (at {final[0].Seconds:0.0} s)");
        }
        return PlotFrame.ToDataUri(plot, run.EndSeconds, yFromZero: true);
    }

    /// <summary>"Heal 1 at 12.0 s: 3 of 4 probed objects disagreed; all agreed 0.6 s later. …", or null without points.</summary>
    public static string? Summary(RunData run)
    {
        var points = run.Agreement;
        if (points.Count == 0) return null;
        var parts = new List<string>();
        var heals = points.Where(p => p.Phase == "heal").GroupBy(p => p.Heal).ToList();
        foreach (var heal in heals.Take(MaxHealsInSummary))
        {
            var first = heal.First();
            var agreed = heal.FirstOrDefault(p => p.Agreeing == p.Probed);
            var text = string.Create(CultureInfo.InvariantCulture, $"heal {heal.Key} at {first.HealSeconds:0.0} s: {first.Probed - first.Agreeing} of {first.Probed} probed objects disagreed; ");
            text += agreed is null
                ? string.Create(CultureInfo.InvariantCulture, $"{heal.Last().Probed - heal.Last().Agreeing} still disagreed when polling stopped {heal.Last().Seconds - first.HealSeconds:0.0} s after the heal")
                : first.Agreeing == first.Probed ? "all agreed at once"
                : string.Create(CultureInfo.InvariantCulture, $"all agreed {agreed.Seconds - first.HealSeconds:0.0} s after the heal");
            parts.Add(text);
        }
        if (heals.Count > MaxHealsInSummary) parts.Add($"{heals.Count - MaxHealsInSummary} more heals");
        if (points.LastOrDefault(p => p.Phase == "final") is { } end)
            parts.Add($"after the run, {end.Agreeing} of {end.Probed} agreed");
        var sentence = string.Join("; ", parts);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }
}
