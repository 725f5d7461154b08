using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests;

public class JsonlHistoryTests
{
    [Test]
    public void RoundTripKeepsEveryField()
    {
        var ops = new List<Op>
        {
            new(0, 10, OpType.Invoke, 0, "write", new object?[] { 3L, 5L }, "pg1"),
            new(1, 20, OpType.Info, Op.NemesisProcess, "start-partition", "pg1 drops pg2/pg3"),
            new(2, 30, OpType.Info, 0, "write", new object?[] { 3L, 5L }, "pg1", "timeout"),
            new(3, 40, OpType.Invoke, 1, "txn", new object?[] { new object?[] { "append", "x", 1L }, new object?[] { "r", "x", null } }),
            new(4, 50, OpType.Ok, 1, "txn", new object?[] { new object?[] { "append", "x", 1L }, new object?[] { "r", "x", new object?[] { 1L } } }),
        };
        var path = Path.GetTempFileName();
        JsonlHistory.Write(path, ops);
        var back = JsonlHistory.Read(path);
        Assert.That(back, Has.Count.EqualTo(ops.Count));
        for (var i = 0; i < ops.Count; i++)
        {
            Assert.That(back[i] with { Value = null }, Is.EqualTo(ops[i] with { Value = null }));
            Assert.That(ValueText.Equals(back[i].Value, ops[i].Value), Is.True, $"value of op {i}");
        }
        File.Delete(path);
    }

    [Test]
    public void TornLastLineIsDroppedButBadMiddleLineNamesTheLine()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"index\":0,\"time\":1,\"type\":\"invoke\",\"process\":0,\"f\":\"read\",\"value\":null}\n{\"index\":1,\"ti");
        Assert.That(JsonlHistory.Read(path), Has.Count.EqualTo(1));
        File.WriteAllText(path, "{\"index\":0,\"time\":1,\"type\":\"invoke\",\"process\":0,\"f\":\"read\"}\n{\"type\":\"bogus\",\"process\":0,\"f\":\"x\"}\n{\"index\":2,\"time\":1,\"type\":\"ok\",\"process\":0,\"f\":\"read\"}\n");
        var e = Assert.Throws<HistoryFormatException>(() => JsonlHistory.Read(path));
        Assert.That(e!.Line, Is.EqualTo(2));
        Assert.That(e.Message, Does.Contain(path).And.Contain("invoke, ok, fail or info"));
        File.Delete(path);
    }

    [Test]
    public void PairingRejectsACompletionWithoutInvocation()
    {
        var ops = new List<Op> { new(0, 1, OpType.Ok, 4, "read", 1L) };
        Assert.Throws<HistoryPairingException>(() => History.History.Of(ops));
    }
}
