using System.Globalization;
using System.Text;
using Harness.Core.Checking;

namespace Harness.Reports.Internal;

/// <summary>
/// Escaping and small building blocks for the report page. Everything that came from a run (values, errors,
/// explanations, node logs, even test names) goes through <see cref="Escape"/>; the only markup taken as is
/// is our own (CSS, generated SVG, PNG data URIs).
/// </summary>
internal static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                case < ' ' or '\u007f': sb.Append('\uFFFD'); break; // control characters are not allowed in HTML text
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Cuts long database text (a huge value, a stack trace) so one cell cannot bloat the page.</summary>
    public static string Clip(string? text, int max = 300) =>
        text is null ? "" : text.Length <= max ? text : text[..max] + $"… ({text.Length - max} more characters)";

    public static string Number(double d) =>
        d.ToString(Math.Abs(d) >= 100 || d == Math.Floor(d) ? "0.#" : "0.###", CultureInfo.InvariantCulture);

    public static string Seconds(long ns) => (ns / 1e9).ToString("0.000", CultureInfo.InvariantCulture);

    public static string VerdictClass(Validity v) => "verdict-" + v.Word();

    public static string Badge(Validity v) => $"<span class=\"badge {VerdictClass(v)}\">{v.Word().ToUpperInvariant()}</span>";

    /// <summary>A table with escaped header and cell text.</summary>
    public static void Table(StringBuilder sb, string cssClass, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        sb.Append("<table class=\"").Append(cssClass).Append("\"><thead><tr>");
        foreach (var h in header) sb.Append("<th>").Append(Escape(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td>").Append(Escape(cell)).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    /// <summary>A note under a capped table saying how much was left out.</summary>
    public static void CappedNote(StringBuilder sb, int shown, int total, string what)
    {
        if (total > shown)
            sb.Append("<p class=\"note\">Showing the first ").Append(shown).Append(" of ").Append(total).Append(' ')
              .Append(Escape(what)).Append(".</p>\n");
    }
}
