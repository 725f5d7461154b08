using System.Text;

namespace Harness.Reports.Internal;

/// <summary>The lanes (faults and node roles), then the plots on the same x scale: latency (with stale reads),
/// throughput, replication lag, clock offsets (when a clock fault ran), replica agreement (leaderless runs), and lost writes for each set checker, each located in its fault phase.
/// A plot with nothing to draw becomes a one-line note saying why.</summary>
internal static class PlotsSection
{
    private const int MaxSetPlots = 5;

    public static void Write(StringBuilder sb, RunData run, FaultPalette palette)
    {
        sb.Append("<section id=\"plots\"><h2>Plots</h2>\n");
        NemesisSection.WriteLegend(sb, palette);
        LanesSvg.Write(sb, run, palette);
        Image(sb, "latency", LatencyPlot.Render(run, palette), "No completed client operations to plot latency for.");
        if (StaleMarks.Summary(run) is { } stale) sb.Append("<p class=\"located\" data-kind=\"stale\">").Append(Html.Escape(stale)).Append("</p>\n");
        Image(sb, "throughput", ThroughputPlot.Render(run, palette), "No completed client operations to plot throughput for.");
        var lag = LagPlot.Render(run, palette);
        if (lag.Count == 0) sb.Append("<p class=\"note\">No replication-lag samples (lag.jsonl is missing or empty).</p>\n");
        foreach (var uri in lag) Image(sb, "lag", uri, "");
        if (ClockPlot.Render(run, palette) is { } clock) Image(sb, "clock", clock, "");
        if (run.Replicas.Samples.Count > 0)
        {
            Image(sb, "replica-agreement", ReplicaAgreementPlot.Render(run, palette),
                "Replica samples were taken only after the run (no fault healed during it), so there is no agreement over time to plot.");
            if (ReplicaAgreementPlot.Summary(run) is { } agreement)
                sb.Append("<p class=\"located\" data-kind=\"agreement\">").Append(Html.Escape(agreement)).Append("</p>\n");
        }
        var sets = run.Result?.Flatten().Where(r => r.Checker == "set").Take(MaxSetPlots).ToList() ?? [];
        foreach (var set in sets)
        {
            Image(sb, "lost-writes", LostWritesPlot.Render(run, palette, set), "The set checker reports no acknowledged write lost.");
            if (LostWritesPlot.Summary(run, set) is { } lost) sb.Append("<p class=\"located\" data-kind=\"lost\">").Append(Html.Escape(lost)).Append("</p>\n");
        }
        sb.Append("</section>\n");
    }

    private static void Image(StringBuilder sb, string kind, string? dataUri, string whenMissing)
    {
        if (dataUri is null)
        {
            sb.Append("<p class=\"note\">").Append(Html.Escape(whenMissing)).Append("</p>\n");
            return;
        }
        sb.Append("<img class=\"plot\" alt=\"").Append(kind).Append(" plot\" data-plot=\"").Append(kind)
          .Append("\" src=\"").Append(dataUri).Append("\">\n");
    }
}
