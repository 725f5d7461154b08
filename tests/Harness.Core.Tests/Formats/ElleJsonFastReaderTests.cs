using System.Text;
using Harness.Checkers.Transactional;
using Harness.Core.Formats;
using Harness.Core.Formats.Internal;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests.Formats;

/// <summary>
/// The elle-json reader scans plain JSON with a fast byte scanner and hands anything richer (or wrong) to the full
/// <see cref="System.Text.Json.Utf8JsonReader"/>-based reader, from the start. Its operations (values with their
/// types) and its errors (message, file, line, column) must be exactly the full reader's: over 2,000 seeded
/// mutations of the fuzz seed, mutations of a generated history that spans several read windows, and hand-made
/// inputs that the scanner must hand over (escapes, fractions, objects, comments, trailing commas, unicode).
/// </summary>
public class ElleJsonFastReaderTests
{
    private static string Outcome(Func<List<Op>> read)
    {
        try
        {
            var text = new StringBuilder();
            foreach (var op in read()) text.Append(Describe(op)).Append('\n');
            return text.ToString();
        }
        catch (HistoryFormatException e)
        {
            return "rejected: " + e.Message;
        }
    }

    /// <summary>An operation with every value's type spelled out (a long 1 and a double 1 differ).</summary>
    private static string Describe(Op op) =>
        $"{op.Index} {op.Time} {op.Type} {op.Process} {op.F} {Value(op.Value)} node={op.Node ?? "-"} error={op.Error ?? "-"}";

    private static string Value(object? v) => v switch
    {
        null => "nil",
        object?[] items => "[" + string.Join(" ", items.Select(Value)) + "]",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(" ", map.Select(kv => kv.Key + "=" + Value(kv.Value))) + "}",
        _ => v.GetType().Name + ":" + Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Full(byte[] bytes) => Outcome(() => new ElleJsonStream(new MemoryStream(bytes, false), "h.json").Stream().ToList());

    private static string Combined(byte[] bytes) => Outcome(() => ElleJsonHistory.Parse(bytes, "h.json"));

    private static byte[] Generated(int txns)
    {
        var path = Path.GetTempFileName();
        try
        {
            ElleJsonHistory.Write(path, ElleBenchmark.GenerateListAppend(txns, 5).Ops);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void MutatedSeedsReadExactlyAsTheFullReader()
    {
        var seed = ReaderFuzzSeeds.All.Single(s => s.Format == "elle-json").Text;
        var random = new Random(4242);
        var rejected = 0;
        for (var i = 0; i < 2000; i++)
        {
            var bytes = ReaderFuzzMutator.Mutate(seed, random);
            var full = Full(bytes);
            if (full.StartsWith("rejected", StringComparison.Ordinal)) rejected++;
            Assert.That(Combined(bytes), Is.EqualTo(full), Encoding.UTF8.GetString(bytes));
        }
        Assert.That(rejected, Is.GreaterThan(200), "the mutations must reach the error paths");
    }

    [Test]
    public void AHistoryOverSeveralWindowsReadsExactlyAsTheFullReaderAndByTheScannerAlone()
    {
        var bytes = Generated(8000);
        Assert.That(bytes.Length, Is.GreaterThan(2 << 20), "more than two 1 MiB windows");
        var fast = new ElleJsonFastReader(new MemoryStream(bytes, false));
        Assert.That(fast.Read().Count(), Is.EqualTo(16000));
        Assert.That(fast.Stopped, Is.False, "plain elle-cli JSON is read by the scanner alone");
        Assert.That(Combined(bytes), Is.EqualTo(Full(bytes)));
        var text = Encoding.UTF8.GetString(bytes);
        var random = new Random(7);
        for (var i = 0; i < 12; i++)
        {
            var at = random.Next(text.Length);
            var mutated = Encoding.UTF8.GetBytes(text[..at] + "\"\\u00e9\\n".Substring(random.Next(4), 1 + random.Next(3)) + text[at..]);
            Assert.That(Combined(mutated), Is.EqualTo(Full(mutated)), "insertion at " + at);
        }
    }

    /// <summary>The first 1 MiB window ends just after an operation's '}' (offset 0), after its ',' (1), or in the
    /// whitespace before the next one (2): the scanner reads on across the boundary, alone.</summary>
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void AWindowEndingBetweenOperationsIsReadOnByTheScanner(int offset)
    {
        var text = new StringBuilder("[");
        var n = 0;
        string Op(int i) => $$"""{"index":{{i}},"type":"invoke","process":{{i % 5}},"f":"txn","value":[["append",{{i % 7}},{{i}}]]}""";
        while (text.Length + 400 < (1 << 20)) text.Append(Op(n++)).Append(",\n");
        var last = Op(n++);
        text.Append(' ', (1 << 20) - offset - text.Length - last.Length).Append(last);
        Assert.That(text.Length, Is.EqualTo((1 << 20) - offset));
        text.Append(",\n  ");
        for (var i = 0; i < 10; i++) text.Append(Op(n++)).Append(i < 9 ? ",\n" : "]\n");
        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        var fast = new ElleJsonFastReader(new MemoryStream(bytes, false));
        Assert.That(fast.Read().Count(), Is.EqualTo(n));
        Assert.That(fast.Stopped, Is.False);
        Assert.That(Combined(bytes), Is.EqualTo(Full(bytes)));
    }

    [TestCase("""[{"type":"invoke","process":0,"f":"txn","value":[["append","k\u00e9",1]]}]""")]
    [TestCase("""[{"type":"invoke","process":0,"f":"txn","value":[["append","ké",1]]}]""")]
    [TestCase("""[{"type":"invoke","process":0,"f":"txn","value":[["append","x",1.5]]}]""")]
    [TestCase("""[{"type":"invoke","process":0,"f":"txn","value":[["append","x",12345678901234567890]]}]""")]
    [TestCase("""[{"type":"invoke","process":0,"f":"txn","value":{"a":[1]}}]""")]
    [TestCase("""[{"type":"invoke","process":0,"f":"txn","value":[],"extra":{"x":1}}]""")]
    [TestCase("""[{"type":"invoke","process":"nemesis","f":"start-partition","value":null,"error":{"why":1}}]""")]
    [TestCase("""[{"type":"invoke","process":":nemesis","f":":start","value":"","node":"n1","error":true}]""")]
    [TestCase("""[/* c */{"type":"invoke","process":0,"f":"txn","value":[]},]""")]
    [TestCase("""[{"type":"invoke","process":0,"f":"txn","value":[1,]}]""")]
    [TestCase("""[{"type":"invoke","process":01,"f":"txn"}]""")]
    [TestCase("""[{"type":"invoke","process":0,"f":"txn","index":"7","time":-3}]""")]
    [TestCase("""[{"type":"invoke","process":2147483648,"f":"txn"}]""")]
    [TestCase("""[{"type":"begin","process":0,"f":"txn"}]""")]
    [TestCase("""[{"process":0,"f":"txn"}]""")]
    [TestCase("""[{"type":"ok","process":0,"f":"txn","value":[[["r",1,[1,2,[3,[4]]]]]]}] trailing""")]
    [TestCase("""[{"type":"ok","process":0,"f":"txn","value":[tru]}]""")]
    [TestCase("""[{"type":"ok","process":0,"f":"txn","value":[1 2]}]""")]
    [TestCase("""[]""")]
    [TestCase("""  """)]
    [TestCase("""[{"type":"ok","process":0,"f":"txn","value":null},""")]
    public void HandMadeInputsReadExactlyAsTheFullReader(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.That(Combined(bytes), Is.EqualTo(Full(bytes)));
    }
}
