using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads a Jepsen <c>history.edn</c>: operation maps such as
/// <c>{:index 0, :time 1200, :type :invoke, :process 3, :f :cas, :value [1 2]}</c>, either one per line or
/// inside one top-level vector. <c>:type</c> is :invoke / :ok / :fail / :info, <c>:process</c> an integer or
/// <c>:nemesis</c>; <c>:f</c> becomes its name; <c>:time</c> and <c>:index</c> are optional (the index defaults
/// to the position). Keywords inside values stay <see cref="Keyword"/>s (e.g. <c>:timed-out</c>).
/// </summary>
public static class EdnHistory
{
    public static List<Op> Read(string path) => Parse(File.ReadAllText(path), path);

    public static List<Op> Parse(string text, string file = "<edn>")
    {
        var forms = EdnReader.ReadAll(text, file);
        if (forms.Count == 1 && forms[0].Value is object?[] all)
            forms = all.Select(v => (v, forms[0].Line, forms[0].Column)).ToList();
        var ops = new List<Op>(forms.Count);
        foreach (var (value, line, column) in forms)
        {
            if (value is not IReadOnlyDictionary<string, object?> map)
                throw new HistoryFormatException(file, line, column, "an operation map {:type ... :process ... :f ...}, not " + ValueText.Format(value));
            ops.Add(ToOp(map, ops.Count, file, line, column));
        }
        return ops;
    }

    private static Op ToOp(IReadOnlyDictionary<string, object?> map, int position, string file, int line, int column)
    {
        HistoryFormatException Bad(string expected) => new(file, line, column, expected);
        var type = Name(map.GetValueOrDefault("type")) switch
        {
            "invoke" => OpType.Invoke,
            "ok" => OpType.Ok,
            "fail" => OpType.Fail,
            "info" => OpType.Info,
            var other => throw Bad($":type :invoke, :ok, :fail or :info, not {other ?? "nothing"}"),
        };
        var process = map.GetValueOrDefault("process") switch
        {
            long p => (int)p,
            Keyword { Name: "nemesis" } or "nemesis" => Op.NemesisProcess,
            var other => throw Bad($":process an integer or :nemesis, not {ValueText.Format(other)}"),
        };
        var f = Name(map.GetValueOrDefault("f")) ?? throw Bad(":f");
        return new Op(
            map.GetValueOrDefault("index") is long ix ? ix : position,
            map.GetValueOrDefault("time") is long t ? t : 0,
            type, process, f,
            map.GetValueOrDefault("value"),
            map.GetValueOrDefault("node") is { } node ? Name(node) : null,
            map.GetValueOrDefault("error") is { } error ? Name(error) : null);
    }

    private static string? Name(object? value) => value switch
    {
        null => null,
        Keyword k => k.Name,
        string s => s,
        _ => ValueText.Format(value),
    };
}
