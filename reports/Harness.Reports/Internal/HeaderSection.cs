using System.Globalization;
using System.Text;
using Harness.Core.Checking;

namespace Harness.Reports.Internal;

/// <summary>The top of the page: the verdict, big and coloured, with each checker's one-line summary, then what
/// was tested (database, nodes, replication, workload, faults, time limit, seed).</summary>
internal static class HeaderSection
{
    public static void Write(StringBuilder sb, RunData run)
    {
        var test = run.Test;
        var name = test?.Name ?? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(run.Directory).TrimEnd('/')) ?? "run");
        sb.Append("<header>\n<h1>").Append(Html.Escape(name)).Append(" <small>")
          .Append(Html.Escape(Path.GetFileName(Path.GetFullPath(run.Directory).TrimEnd('/')))).Append("</small></h1>\n");
        WriteVerdict(sb, run.Result);
        if (test is not null)
        {
            var inv = CultureInfo.InvariantCulture;
            var facts = new List<(string, string)>
            {
                ("database", test.Database),
                ("nodes", test.Nodes?.ToString(inv) ?? "default"),
                ("workload", test.Workload),
                ("nemesis", test.Nemesis.Count == 0 ? "none" : string.Join(", ", test.Nemesis)),
                ("time limit", test.TimeLimitSeconds.ToString("0.###", inv) + " s"),
                ("seed", test.Seed.ToString(inv)),
                ("rate", test.Rate.ToString("0.###", inv) + " ops/s"),
            };
            facts.AddRange(test.DatabaseOptions.Select(kv => (kv.Key, kv.Value)));
            facts.AddRange(test.WorkloadOptions.Select(kv => (kv.Key, kv.Value)));
            sb.Append("<dl class=\"facts\">");
            foreach (var (k, v) in facts)
                sb.Append("<div><dt>").Append(Html.Escape(k)).Append("</dt><dd>").Append(Html.Escape(v)).Append("</dd></div>");
            sb.Append("</dl>\n");
        }
        foreach (var p in run.Problems) sb.Append("<p class=\"problem\">").Append(Html.Escape(p)).Append("</p>\n");
        sb.Append("</header>\n");
    }

    private static void WriteVerdict(StringBuilder sb, CheckResult? result)
    {
        if (result is null)
        {
            sb.Append("<div class=\"verdict verdict-unknown\">NO RESULT <span>results.json is missing or unreadable</span></div>\n");
            return;
        }
        sb.Append("<div class=\"verdict ").Append(Html.VerdictClass(result.Validity)).Append("\">")
          .Append(result.Validity.Word().ToUpperInvariant()).Append("</div>\n<ul class=\"summaries\">\n");
        WriteSummaries(sb, result, 0);
        sb.Append("</ul>\n");
    }

    private static void WriteSummaries(StringBuilder sb, CheckResult r, int depth)
    {
        sb.Append("<li style=\"margin-left:").Append((depth * 1.5).ToString(CultureInfo.InvariantCulture)).Append("em\">").Append(Html.Badge(r.Validity))
          .Append(" <b>").Append(Html.Escape(r.Checker)).Append("</b> ").Append(Html.Escape(Html.Clip(r.Summary, 500))).Append("</li>\n");
        foreach (var c in r.Children) WriteSummaries(sb, c, depth + 1);
    }
}
