namespace Harness.Core.Formats;

/// <summary>Reads a history file in any format we know: <c>jsonl</c> (ours), <c>edn</c> (Jepsen's history.edn),
/// <c>history-txt</c> (Jepsen's tab-separated history.txt), <c>elle-json</c> (elle-cli's JSON array of ops),
/// <c>porcupine-etcd</c> and <c>porcupine-kv</c> (Porcupine's test corpus). Without a format name it is guessed
/// from the file name and, failing that, from the first non-blank line of the file. Warnings (a skipped torn last
/// line) go to <c>warn</c>, naming the file and line. Our own <c>jsonl</c> is read as a stream into the compact,
/// columnar form a run checks (<see cref="CompactHistoryReader"/>): a long history never exists as one string or as one
/// <see cref="History.Op"/> object per line.</summary>
public static class HistoryFormats
{
    public static IReadOnlyList<string> Names { get; } = ["jsonl", "edn", "history-txt", "elle-json", "porcupine-etcd", "porcupine-kv"];

    public static IReadOnlyList<History.Op> Read(string path, string? format = null, Action<string>? warn = null) => (format ?? Guess(path)) switch
    {
        "jsonl" or "json" => CompactHistoryReader.Read(path, warn),
        "edn" => EdnHistory.Read(path, warn),
        "history-txt" or "txt" => JepsenTextHistory.Read(path, warn),
        "elle-json" => ElleJsonHistory.Read(path),
        "porcupine-etcd" or "etcd" => PorcupineEtcdHistory.Read(path),
        "porcupine-kv" => PorcupineKvHistory.Read(path),
        var other => throw new ArgumentException($"unknown history format \"{other}\"; known: {string.Join(", ", Names)}", nameof(format)),
    };

    /// <summary>The file's operations one at a time, in file order, as <see cref="Read"/> gives them: streamed
    /// without holding the history for <c>jsonl</c> and <c>elle-json</c>, read whole first for the other formats.
    /// Errors are thrown when the stream reaches them (an unknown format name at once).</summary>
    public static IEnumerable<History.Op> Stream(string path, string? format = null, Action<string>? warn = null) => (format ?? Guess(path)) switch
    {
        "jsonl" or "json" => CompactHistoryReader.Stream(path, warn),
        "elle-json" => ElleJsonHistory.Stream(path),
        _ => Read(path, format, warn),
    };

    /// <summary>How the tool that writes (and checks) a format reads an Ok read of nil, the default of the
    /// linearizability checker's <c>nil-reads</c> option: <c>unknown</c> for Jepsen's EDN and history.txt (Knossos's
    /// register models accept a nil read in any state), <c>value</c> for everything else (ours, elle-cli JSON,
    /// Porcupine's logs: nil is the absent value).</summary>
    public static string NilReadsDefault(string format) => format is "edn" or "history-txt" or "txt" ? "unknown" : "value";

    public static string Guess(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        var ext = Path.GetExtension(name);
        if (ext == ".jsonl") return "jsonl";
        if (ext == ".edn") return "edn";
        if (name == "history.txt") return "history-txt";
        using var reader = new StreamReader(path);
        string? line;
        while ((line = reader.ReadLine()) is not null && string.IsNullOrWhiteSpace(line)) { }
        var text = line?.TrimStart() ?? "";
        if (text.StartsWith('[')) return "elle-json";
        if (text.StartsWith("INFO", StringComparison.Ordinal)) return "porcupine-etcd";
        if (text.StartsWith("{:process", StringComparison.Ordinal) && text.Contains(":key ", StringComparison.Ordinal)) return "porcupine-kv";
        if (LooksTabSeparated(text)) return "history-txt";
        return text.StartsWith('{') && !text.StartsWith("{:", StringComparison.Ordinal) ? "jsonl" : "edn";
    }

    private static bool LooksTabSeparated(string line)
    {
        var fields = line.Split('\t');
        return fields.Length >= 4 && fields[1].StartsWith(':');
    }
}
