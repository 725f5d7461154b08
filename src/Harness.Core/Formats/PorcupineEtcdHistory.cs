using System.Globalization;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads the etcd Jepsen logs of Porcupine's test corpus: lines <c>INFO jepsen.util - PROC TYPE F VALUE</c>
/// (fields split on any whitespace) with TYPE :invoke/:ok/:fail/:info, F :read/:write/:cas and VALUE nil, an
/// integer, <c>[A B]</c> or <c>:timed-out</c>. A read that failed with :timed-out has an unknown result and
/// becomes Info; a timed-out write or cas is Info carrying the invoked value, with error "timed-out".
/// Line order is real-time order; an op's index is its line's position among the ops.
/// </summary>
public static class PorcupineEtcdHistory
{
    public static List<Op> Read(string path) => Parse(File.ReadAllLines(path), path);

    public static List<Op> Parse(IReadOnlyList<string> lines, string file = "<etcd>")
    {
        var ops = new List<Op>(lines.Count);
        var invoked = new Dictionary<int, object?>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var fields = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 7 || fields[0] != "INFO" || fields[1] != "jepsen.util" || fields[2] != "-")
                throw new HistoryFormatException(file, i + 1, 1, "INFO jepsen.util - PROC TYPE F VALUE");
            if (!int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var process))
                throw new HistoryFormatException(file, i + 1, Column(lines[i], fields[3]), "a process number");
            var type = fields[4] switch
            {
                ":invoke" => OpType.Invoke, ":ok" => OpType.Ok, ":fail" => OpType.Fail, ":info" => OpType.Info,
                _ => throw new HistoryFormatException(file, i + 1, Column(lines[i], fields[4]), ":invoke, :ok, :fail or :info"),
            };
            var f = fields[5].TrimStart(':');
            var text = string.Join(' ', fields.Skip(6));
            var value = ParseValue(text, file, i + 1, Column(lines[i], fields[6]));
            string? error = null;
            if (value is Keyword { Name: "timed-out" })
            {
                (type, value, error) = (OpType.Info, invoked.GetValueOrDefault(process), "timed-out");
            }
            if (type == OpType.Invoke) invoked[process] = value;
            ops.Add(new Op(ops.Count, ops.Count, type, process, f, value, null, error));
        }
        return ops;
    }

    private static object? ParseValue(string text, string file, int line, int column)
    {
        if (text == "nil") return null;
        if (text == ":timed-out") return new Keyword("timed-out");
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        var parts = text.Trim('[', ']').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (text.StartsWith('[') && text.EndsWith(']') && parts.Length == 2 &&
            long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a) &&
            long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            return new object?[] { a, b };
        throw new HistoryFormatException(file, line, column, "nil, an integer, [A B] or :timed-out");
    }

    private static int Column(string line, string field) => Math.Max(0, line.IndexOf(field, StringComparison.Ordinal)) + 1;
}
