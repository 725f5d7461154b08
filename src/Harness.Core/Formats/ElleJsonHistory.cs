using System.Text;
using Harness.Core.Formats.Internal;
using Harness.Core.History;

namespace Harness.Core.Formats;

/// <summary>
/// Reads the JSON histories that elle-cli accepts: one JSON array of operation objects such as
/// <c>{"index":0,"type":"invoke","process":0,"f":"txn","value":[["append",1,2],["r",3,null]]}</c>.
/// Clojure keywords arrive as strings, with or without their colon (<c>":invoke"</c> or <c>"invoke"</c>), so the
/// colon is dropped from <c>type</c>, <c>f</c> and each micro-op's function name. <c>process</c> may be an integer
/// or <c>"nemesis"</c>; <c>index</c> and <c>time</c> are optional (the position and 0 stand in). Anything malformed
/// is a <see cref="HistoryFormatException"/> naming the file, line and column of the offending operation.
/// </summary>
public static class ElleJsonHistory
{
    /// <summary>Reads the file as a stream (see <see cref="Stream(string)"/>): memory holds the operations, not the text.</summary>
    public static List<Op> Read(string path) => Stream(path).ToList();

    /// <summary>The file's operations one at a time, in file order, holding only a window of the file: a caller
    /// that checks them as they pass (see <c>IStreamingChecker</c>) never holds the history. Read by the fast scanner
    /// (<see cref="ElleJsonFastReader"/>) as far as it goes, then by the full reader (<see cref="ElleJsonStream"/>)
    /// from the start, skipping what was handed out: the operations and errors are the full reader's. Errors are
    /// thrown when the stream reaches them.</summary>
    public static IEnumerable<Op> Stream(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        foreach (var op in Stream(stream, path)) yield return op;
    }

    private static IEnumerable<Op> Stream(Stream stream, string file)
    {
        var fast = new ElleJsonFastReader(stream);
        long handedOut = 0;
        foreach (var op in fast.Read())
        {
            handedOut++;
            yield return op;
        }
        if (!fast.Stopped) yield break;
        stream.Position = 0;
        foreach (var op in new ElleJsonStream(stream, file).Stream().Skip((int)Math.Min(handedOut, int.MaxValue))) yield return op;
    }

    /// <summary>Writes <paramref name="ops"/> as elle-cli reads them: one JSON array, one operation per line.</summary>
    public static void Write(string path, IEnumerable<Op> ops)
    {
        using var stream = new BufferedStream(File.Create(path), 1 << 16);
        stream.WriteByte((byte)'[');
        var first = true;
        foreach (var op in ops)
        {
            if (!first) stream.Write(",\n"u8);
            first = false;
            stream.Write(JsonlHistory.Serialize(op));
        }
        stream.Write("]\n"u8);
    }

    public static List<Op> Parse(string json, string file = "<string>") => Parse(Encoding.UTF8.GetBytes(json), file);

    public static List<Op> Parse(byte[] utf8, string file) => Stream(new MemoryStream(utf8, false), file).ToList();
}
