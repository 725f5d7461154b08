using System.Globalization;
using System.Net;
using System.Text;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Draws a cycle as a small self-contained SVG (no scripts, fonts or external references): transactions on a
/// circle, each dependency an arrow curving outwards, coloured and labelled by kind (ww, wr, rw, process,
/// realtime). Reports embed the string as is.
/// </summary>
internal static class CycleSvg
{
    private const double Size = 360, Radius = 120, NodeRadius = 22;

    public static string Draw(IReadOnlyList<string> names, IReadOnlyList<string> subtitles, IReadOnlyList<EdgeKind> kinds)
    {
        var n = names.Count;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Size} {Size}\" width=\"{Size}\" height=\"{Size}\" font-family=\"sans-serif\" font-size=\"12\">");
        sb.Append("<defs>");
        foreach (var k in new[] { EdgeKind.WW, EdgeKind.WR, EdgeKind.RW, EdgeKind.Process, EdgeKind.Realtime })
            sb.Append(CultureInfo.InvariantCulture, $"<marker id=\"arrow-{EdgeKindNames.Short(k)}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{Colour(k)}\"/></marker>");
        sb.Append("</defs>");
        var points = Enumerable.Range(0, n).Select(i => Position(i, n)).ToArray();
        for (var i = 0; i < n; i++) Arrow(sb, points[i], points[(i + 1) % n], kinds[i]);
        for (var i = 0; i < n; i++) Node(sb, points[i], names[i], subtitles[i]);
        return sb.Append("</svg>").ToString();
    }

    private static (double X, double Y) Position(int i, int n)
    {
        var angle = -Math.PI / 2 + 2 * Math.PI * i / n;
        return (Size / 2 + Radius * Math.Cos(angle), Size / 2 + Radius * Math.Sin(angle));
    }

    private static void Arrow(StringBuilder sb, (double X, double Y) from, (double X, double Y) to, EdgeKind kind)
    {
        double dx = to.X - from.X, dy = to.Y - from.Y;
        var length = Math.Max(1, Math.Sqrt(dx * dx + dy * dy));
        double ux = dx / length, uy = dy / length;
        // Control point pushed to the left of the direction of travel, so two opposite arrows do not overlap.
        double mx = (from.X + to.X) / 2 + uy * 40, my = (from.Y + to.Y) / 2 - ux * 40;
        double sx = from.X + ux * NodeRadius, sy = from.Y + uy * NodeRadius;
        double ex = to.X - ux * (NodeRadius + 2), ey = to.Y - uy * (NodeRadius + 2);
        var name = EdgeKindNames.Short(kind);
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{sx:0.#},{sy:0.#} Q{mx:0.#},{my:0.#} {ex:0.#},{ey:0.#}\" fill=\"none\" stroke=\"{Colour(kind)}\" stroke-width=\"2\" marker-end=\"url(#arrow-{name})\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{mx:0.#}\" y=\"{my:0.#}\" fill=\"{Colour(kind)}\" text-anchor=\"middle\" font-weight=\"bold\">{name}</text>");
    }

    private static void Node(StringBuilder sb, (double X, double Y) p, string name, string subtitle)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{p.X:0.#}\" cy=\"{p.Y:0.#}\" r=\"{NodeRadius}\" fill=\"#f4f4f4\" stroke=\"#333\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{p.X:0.#}\" y=\"{p.Y + 4:0.#}\" text-anchor=\"middle\" font-weight=\"bold\">{WebUtility.HtmlEncode(name)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{p.X:0.#}\" y=\"{p.Y + NodeRadius + 14:0.#}\" text-anchor=\"middle\" fill=\"#555\">{WebUtility.HtmlEncode(subtitle)}</text>");
    }

    private static string Colour(EdgeKind k) => k switch
    {
        EdgeKind.WW => "#1f77b4",
        EdgeKind.WR => "#2ca02c",
        EdgeKind.RW => "#d62728",
        EdgeKind.Process => "#9467bd",
        _ => "#ff7f0e",
    };
}
