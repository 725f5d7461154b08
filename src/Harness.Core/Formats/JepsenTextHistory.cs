using System.Globalization;
using Harness.Core.Formats.Internal;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads Jepsen's <c>history.txt</c>, written beside <c>history.edn</c> by <c>jepsen.util/print-history</c>: one
/// operation per line, tab-separated <c>process  type  f  value</c> with an optional fifth field, the error, e.g.
/// <c>3	:invoke	:txn	[[:append 4 1] [:r 5 nil]]</c>. The process is an integer or <c>:nemesis</c>, the type
/// <c>:invoke</c> / <c>:ok</c> / <c>:fail</c> / <c>:info</c>, <c>f</c> and the value are EDN. The file has no times
/// and no indices: an op's index is its position and line order is real-time order. A torn last line (cut short, no
/// newline after it) is skipped with a warning; any other bad line is an error naming file, line and column.
/// </summary>
public static class JepsenTextHistory
{
    public static List<Op> Read(string path, Action<string>? warn = null) => Parse(File.ReadAllText(path), path, warn);

    public static List<Op> Parse(string text, string file = "<history.txt>", Action<string>? warn = null)
    {
        var lines = TornTail.Lines(text);
        var torn = TornTail.EndsTorn(text);
        var last = lines.Length;
        while (last > 0 && string.IsNullOrWhiteSpace(lines[last - 1])) last--;
        var ops = new List<Op>(last);
        for (var i = 0; i < last; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            try
            {
                ops.Add(ParseLine(lines[i], ops.Count, file, i + 1));
            }
            catch (HistoryFormatException) when (torn && i == lines.Length - 1 && i > 0)
            {
                warn?.Invoke(TornTail.Warning(file, i + 1));
            }
        }
        return ops;
    }

    private static Op ParseLine(string line, int position, string file, int number)
    {
        var fields = line.Split('\t', 4);
        if (fields.Length < 4)
            throw new HistoryFormatException(file, number, 1, "process<TAB>type<TAB>f<TAB>value (Jepsen's history.txt)");
        var process = fields[0].Trim() switch
        {
            ":nemesis" => Op.NemesisProcess,
            var p when int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n != Op.NemesisProcess => n,
            _ => throw new HistoryFormatException(file, number, 1, $"a process number or :nemesis, not \"{fields[0]}\""),
        };
        var typeColumn = fields[0].Length + 2;
        OpType type;
        try
        {
            type = JsonValues.ParseType(fields[1].Trim());
        }
        catch (FormatException)
        {
            throw new HistoryFormatException(file, number, typeColumn, $":invoke, :ok, :fail or :info, not \"{fields[1]}\"");
        }
        var fColumn = typeColumn + fields[1].Length + 1;
        var f = ReadOne(fields[2], file, number, fColumn, out _) switch
        {
            Keyword k => k.Name,
            string s => s,
            var other => throw new HistoryFormatException(file, number, fColumn, $"f a keyword, not {ValueText.Format(other)}"),
        };
        var value = ReadOne(fields[3], file, number, fColumn + fields[2].Length + 1, out var rest);
        var error = rest.Trim();
        return new Op(position, 0, type, process, f, value, null, error.Length == 0 ? null : error);
    }

    /// <summary>One EDN form at the start of <paramref name="text"/>; <paramref name="rest"/> is what follows it.</summary>
    private static object? ReadOne(string text, string file, int line, int column, out string rest)
    {
        try
        {
            var parser = new EdnParser(text, file);
            var value = parser.ReadForm();
            rest = text[(parser.Position.Column - 1)..];
            return value;
        }
        catch (HistoryFormatException e)
        {
            throw new HistoryFormatException(file, line, column + e.Column - 1, e.Expected);
        }
    }
}
