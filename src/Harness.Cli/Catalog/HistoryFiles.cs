using Harness.Core.Formats;
using Harness.Core.History;

namespace Harness.Cli.Catalog;

/// <summary>Reads a history file in any format we understand, chosen by name or by the file's extension.</summary>
public static class HistoryFiles
{
    public static readonly IReadOnlyList<string> Formats = ["jsonl", "edn", "elle-json", "porcupine-etcd", "porcupine-kv"];

    public static History Read(string path, string? format)
    {
        format ??= Guess(path);
        var ops = format switch
        {
            "jsonl" => JsonlHistory.Read(path),
            "edn" => EdnHistory.Read(path),
            "elle-json" => ElleJsonHistory.Read(path),
            "porcupine-etcd" => PorcupineEtcdHistory.Read(path),
            "porcupine-kv" => PorcupineKvHistory.Read(path),
            _ => throw new UsageException($"--format must be one of {string.Join(", ", Formats)} (got '{format}')"),
        };
        try
        {
            return History.Of(ops);
        }
        catch (HistoryPairingException e)
        {
            throw new HistoryFormatException(path, e.Position + 1, 1, "paired invocations and completions: " + e.Message);
        }
    }

    private static string Guess(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".edn", StringComparison.OrdinalIgnoreCase)) return "edn";
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return "elle-json";
        if (name.StartsWith("etcd_", StringComparison.Ordinal) && name.EndsWith(".log", StringComparison.Ordinal)) return "porcupine-etcd";
        if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && File.ReadLines(path).FirstOrDefault()?.StartsWith("{:process", StringComparison.Ordinal) == true)
            return "porcupine-kv";
        return "jsonl";
    }
}
