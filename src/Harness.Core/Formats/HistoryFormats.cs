namespace Harness.Core.Formats;

/// <summary>Reads a history file in any format we know: <c>jsonl</c> (ours), <c>edn</c> (Jepsen's history.edn),
/// <c>elle-json</c> (elle-cli's JSON array of ops), <c>porcupine-etcd</c> and <c>porcupine-kv</c> (Porcupine's test corpus). Without a format name it is guessed
/// from the extension and, failing that, from the first non-blank character of the file.</summary>
public static class HistoryFormats
{
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "edn", "elle-json", "porcupine-etcd", "porcupine-kv"];

    public static List<History.Op> Read(string path, string? format = null) => (format ?? Guess(path)) switch
    {
        "jsonl" or "json" => JsonlHistory.Read(path),
        "edn" => EdnHistory.Read(path),
        "elle-json" => ElleJsonHistory.Read(path),
        "porcupine-etcd" or "etcd" => PorcupineEtcdHistory.Read(path),
        "porcupine-kv" => PorcupineKvHistory.Read(path),
        var other => throw new ArgumentException($"unknown history format \"{other}\"; known: {string.Join(", ", Names)}", nameof(format)),
    };

    public static string Guess(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".jsonl") return "jsonl";
        if (ext == ".edn") return "edn";
        using var reader = new StreamReader(path);
        string? line;
        while ((line = reader.ReadLine()) is not null && string.IsNullOrWhiteSpace(line)) { }
        var text = line?.TrimStart() ?? "";
        if (text.StartsWith('[')) return "elle-json";
        if (text.StartsWith("INFO", StringComparison.Ordinal)) return "porcupine-etcd";
        if (text.StartsWith("{:process", StringComparison.Ordinal) && text.Contains(":key ", StringComparison.Ordinal)) return "porcupine-kv";
        return text.StartsWith('{') && !text.StartsWith("{:", StringComparison.Ordinal) ? "jsonl" : "edn";
    }
}
