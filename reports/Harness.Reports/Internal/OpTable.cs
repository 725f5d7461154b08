using System.Globalization;
using System.Text;
using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>A table of history operations (index, time, process, type, f, value, node, error), every cell escaped.</summary>
internal static class OpTable
{
    public static readonly string[] Header = ["index", "time (s)", "process", "type", "f", "value", "node", "error"];

    public static IReadOnlyList<string> Row(Op op) =>
    [
        op.Index.ToString(CultureInfo.InvariantCulture),
        op.Seconds.ToString("0.000", CultureInfo.InvariantCulture),
        op.IsNemesis ? "nemesis" : op.Process.ToString(CultureInfo.InvariantCulture),
        OpColors.Name(op.Type),
        op.F,
        Html.Clip(ValueText.Format(op.Value)),
        op.Node ?? "",
        Html.Clip(op.Error),
    ];

    /// <summary>The ops an anomaly names, looked up by index; indices missing from the history are listed as such.</summary>
    public static void WriteNamed(StringBuilder sb, RunData run, IReadOnlyList<long> indices, int cap)
    {
        if (indices.Count == 0) return;
        var rows = new List<IReadOnlyList<string>>();
        var missing = new List<long>();
        foreach (var index in indices.Distinct().Take(cap))
        {
            var p = run.Pairs.PositionOf(index);
            if (p < 0) missing.Add(index);
            else rows.Add(Row(run.Ops[p]));
        }
        if (rows.Count > 0) Html.Table(sb, "ops", Header, rows);
        Html.CappedNote(sb, cap, indices.Distinct().Count(), "named operations");
        if (missing.Count > 0)
            sb.Append("<p class=\"note\">Not in the history: ")
              .Append(Html.Escape(string.Join(", ", missing.Select(m => m.ToString(CultureInfo.InvariantCulture))))).Append("</p>\n");
    }
}
