using Harness.Core.Formats.Internal;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads a Jepsen <c>history.edn</c>: operation maps such as
/// <c>{:index 0, :time 1200, :type :invoke, :process 3, :f :cas, :value [1 2]}</c>, either one per line or
/// inside one top-level vector. <c>:type</c> is :invoke / :ok / :fail / :info, <c>:process</c> an integer or
/// <c>:nemesis</c>; <c>:f</c> becomes its name; <c>:time</c> and <c>:index</c> are optional (the index defaults
/// to the position). Keywords inside values stay <see cref="Keyword"/>s (e.g. <c>:timed-out</c>).
/// <para>Elle's published examples leave out <c>:process</c> and <c>:f</c>: a missing <c>:f</c> reads as
/// <c>txn</c>, and a missing <c>:process</c> is made up as <see cref="SyntheticProcesses"/> describes. A torn or
/// garbage last line of a one-op-per-line file is skipped with a warning naming the file and line.</para>
/// </summary>
public static class EdnHistory
{
    public static List<Op> Read(string path, Action<string>? warn = null) => Parse(File.ReadAllText(path), path, warn);

    public static List<Op> Parse(string text, string file = "<edn>", Action<string>? warn = null)
    {
        var forms = ReadForms(text, file, warn);
        if (forms.Count == 1 && forms[0].Value is object?[] all)
            forms = all.Select(v => (v, forms[0].Line, forms[0].Column)).ToList();
        var raw = new List<(IReadOnlyDictionary<string, object?> Map, int Line, int Column)>(forms.Count);
        foreach (var (value, line, column) in forms)
        {
            if (value is not IReadOnlyDictionary<string, object?> map)
                throw new HistoryFormatException(file, line, column, "an operation map {:type ... :process ... :f ...}, not " + ValueText.Format(value));
            raw.Add((map, line, column));
        }
        var ops = new List<Op>(raw.Count);
        foreach (var (map, line, column) in raw) ops.Add(ToOp(map, ops.Count, file, line, column));
        return SyntheticProcesses.Assign(ops, raw.Select(r => r.Map.ContainsKey("process")).ToList());
    }

    private static List<(object? Value, int Line, int Column)> ReadForms(string text, string file, Action<string>? warn)
    {
        try
        {
            return EdnReader.ReadAll(text, file);
        }
        catch (HistoryFormatException e) when (TornTail.EndsTorn(text) && e.Line == TornTail.LastNonBlankLine(text) && e.Line > 1)
        {
            List<(object?, int, int)> before;
            try
            {
                before = EdnReader.ReadAll(TornTail.Before(text, e.Line), file);
            }
            catch (HistoryFormatException)
            {
                throw e;
            }
            warn?.Invoke(TornTail.Warning(file, e.Line));
            return before;
        }
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
            null => 0,
            long p and >= int.MinValue and <= int.MaxValue and not Op.NemesisProcess => (int)p,
            Keyword { Name: "nemesis" } or "nemesis" => Op.NemesisProcess,
            var other => throw Bad($":process an integer or :nemesis, not {ValueText.Format(other)}"),
        };
        var f = map.TryGetValue("f", out var fv) ? Name(fv) ?? throw Bad(":f a keyword or string, not nil") : "txn";
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
