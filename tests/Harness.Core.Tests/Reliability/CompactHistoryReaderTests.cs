using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

/// <summary>The compact read-back of a history: the same operations as the plain reader, with repeated names and
/// small values held once, a torn last line skipped with a warning, and any other bad line an error with its number.</summary>
public class CompactHistoryReaderTests
{
    private string _file = "";

    [SetUp]
    public void SetUp() => _file = Path.GetTempFileName();

    [TearDown]
    public void TearDown() => File.Delete(_file);

    private static List<Op> Sample() =>
    [
        new(0, 10, OpType.Invoke, 0, "write", new object?[] { 1L, 3L }, "n1"),
        new(1, 20, OpType.Invoke, 1, "read", new object?[] { 1L, null }, "n2"),
        new(2, 30, OpType.Ok, 0, "write", new object?[] { 1L, 3L }, "n1"),
        new(3, 40, OpType.Ok, 1, "read", new object?[] { 1L, 3L }, "n2"),
        new(4, 50, OpType.Invoke, Op.NemesisProcess, "start-partition", "majority <script>"),
        new(5, 60, OpType.Info, 0, "cas", new object?[] { 1L, new object?[] { 3L, 4L } }, "n1", "timeout after 1 s"),
    ];

    [Test]
    public void ReadsWhatThePlainReaderReadsAndSharesRepeatedValues()
    {
        JsonlHistory.Write(_file, Sample());
        var compact = CompactHistoryReader.Read(_file);
        var plain = JsonlHistory.Read(_file);
        Assert.That(compact.Select(o => o.ToString()), Is.EqualTo(plain.Select(o => o.ToString())));
        Assert.That(compact.Select(o => o.Error), Is.EqualTo(plain.Select(o => o.Error)));
        Assert.That(ReferenceEquals(compact[0].Value, compact[2].Value), Is.True, "equal small values are one object");
        Assert.That(ReferenceEquals(compact[3].Value, compact[2].Value), Is.True);
        Assert.That(ReferenceEquals(compact[0].Node, compact[2].Node), Is.True, "node names are held once");
        Assert.That(ReferenceEquals(compact[1].Value, compact[3].Value), Is.False, "different values stay different");
    }

    [Test]
    public void SkipsATornLastLineWithAWarning()
    {
        JsonlHistory.Write(_file, Sample());
        File.AppendAllText(_file, "{\"index\":6,\"time\":70,\"type\":\"inv");
        var warnings = new List<string>();
        var ops = CompactHistoryReader.Read(_file, warnings.Add);
        Assert.That(ops, Has.Count.EqualTo(6));
        Assert.That(warnings.Single(), Does.Contain(":7: skipped a torn last line"));
    }

    [Test]
    public void ABadLineInTheMiddleIsAnErrorWithItsNumber()
    {
        JsonlHistory.Write(_file, Sample());
        var lines = File.ReadAllLines(_file).ToList();
        lines.Insert(2, "{\"index\":2,\"time\":25,\"type\":\"bogus\",\"process\":0,\"f\":\"read\"}");
        File.WriteAllLines(_file, lines);
        var e = Assert.Throws<HistoryFormatException>(() => CompactHistoryReader.Read(_file));
        Assert.That(e!.Line, Is.EqualTo(3));
    }
}
