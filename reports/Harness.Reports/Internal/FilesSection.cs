using System.Text;

namespace Harness.Reports.Internal;

/// <summary>Links to the run's raw files by relative path, and the last lines of each node's server log (escaped:
/// a log is database output).</summary>
internal static class FilesSection
{
    private const int TailLines = 40;
    private const int MaxLineLength = 300;

    public static void Write(StringBuilder sb, string directory)
    {
        sb.Append("<section id=\"files\"><h2>Raw files</h2>\n<ul>\n");
        foreach (var name in new[] { "test.json", "history.jsonl", "results.json", "lag.jsonl" })
            if (File.Exists(Path.Combine(directory, name)))
                sb.Append("<li><a href=\"").Append(Html.Escape(name)).Append("\">").Append(Html.Escape(name)).Append("</a></li>\n");
        var logs = Logs(directory);
        foreach (var log in logs)
        {
            var relative = "logs/" + Path.GetFileName(log);
            sb.Append("<li><a href=\"").Append(Html.Escape("logs/" + Uri.EscapeDataString(Path.GetFileName(log))))
              .Append("\">").Append(Html.Escape(relative)).Append("</a></li>\n");
        }
        sb.Append("</ul>\n");
        foreach (var log in logs) WriteTail(sb, log);
        sb.Append("</section>\n");
    }

    private static List<string> Logs(string directory)
    {
        var folder = Path.Combine(directory, "logs");
        if (!System.IO.Directory.Exists(folder)) return [];
        return System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
    }

    private static void WriteTail(StringBuilder sb, string log)
    {
        string[] tail;
        try
        {
            tail = LastLines(log);
        }
        catch (IOException)
        {
            return;
        }
        sb.Append("<details><summary>last ").Append(tail.Length).Append(" lines of logs/").Append(Html.Escape(Path.GetFileName(log)))
          .Append("</summary><pre>");
        foreach (var line in tail) sb.Append(Html.Escape(Html.Clip(line, MaxLineLength))).Append('\n');
        sb.Append("</pre></details>\n");
    }

    private static string[] LastLines(string path)
    {
        // read at most the last 64 KiB so a huge log costs nothing
        using var stream = File.OpenRead(path);
        var start = Math.Max(0, stream.Length - 65536);
        stream.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n');
        if (start > 0) lines = lines[1..];
        return lines.Where(l => l.Length > 0).TakeLast(TailLines).ToArray();
    }
}
