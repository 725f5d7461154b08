using System.Text.RegularExpressions;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads the kv logs of Porcupine's test corpus: lines
/// <c>{:process 3, :type :invoke, :f :append, :key "7", :value "x 3 12 y"}</c> with TYPE :invoke/:ok and F
/// :get/:put/:append. Each op becomes a keyed op whose value is [key, value] (a get's invocation carries
/// [key, nil]); the key of a completion is taken from its invocation, as Porcupine does.
/// </summary>
public static partial class PorcupineKvHistory
{
    [GeneratedRegex("""^\{:process (\d+), :type :(invoke|ok|fail|info), :f :(get|put|append), :key "([^"]*)", :value (nil|"[^"]*")\}$""")]
    private static partial Regex LinePattern();

    public static List<Op> Read(string path) => Parse(File.ReadAllLines(path), path);

    public static List<Op> Parse(IReadOnlyList<string> lines, string file = "<kv>")
    {
        var ops = new List<Op>(lines.Count);
        var keyOf = new Dictionary<int, string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var m = LinePattern().Match(lines[i].Trim());
            if (!m.Success)
                throw new HistoryFormatException(file, i + 1, 1, "{:process N, :type :invoke|:ok, :f :get|:put|:append, :key \"K\", :value nil|\"V\"}");
            if (!int.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var process))
                throw new HistoryFormatException(file, i + 1, 11, "a process number that fits 32 bits");
            var type = m.Groups[2].Value switch
            {
                "invoke" => OpType.Invoke, "ok" => OpType.Ok, "fail" => OpType.Fail, _ => OpType.Info,
            };
            var key = m.Groups[4].Value;
            if (type == OpType.Invoke) keyOf[process] = key;
            else if (keyOf.TryGetValue(process, out var invokedKey)) key = invokedKey;
            var raw = m.Groups[5].Value;
            object? value = raw == "nil" ? null : raw[1..^1];
            ops.Add(new Op(ops.Count, ops.Count, type, process, m.Groups[3].Value, new object?[] { key, value }));
        }
        return ops;
    }
}
