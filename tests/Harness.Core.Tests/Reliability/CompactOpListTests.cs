using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

/// <summary>The columnar history: every field of every entry comes back as it went in, across column chunks, with
/// indices that differ from positions kept, and names held once.</summary>
public class CompactOpListTests
{
    private static Op Entry(int i) => new(
        i % 7 == 3 ? 1_000_000 + i : i,
        10L * i,
        (OpType)(i % 4),
        i % 5 == 0 ? Op.NemesisProcess : i % 30,
        i % 3 == 0 ? "read" : "write",
        i % 11 == 0 ? null : new object?[] { (long)(i / 60), (long)i },
        i % 13 == 0 ? null : "n" + (i % 3),
        i % 4 == 2 ? "cas: value differs " + (i % 2) : null);

    [Test]
    public void GivesBackWhatWasAddedAcrossChunks()
    {
        var list = new CompactOpList();
        const int n = 40_000; // more than two chunks of 16,384
        for (var i = 0; i < n; i++) list.Add(Entry(i));
        Assert.That(list, Has.Count.EqualTo(n));
        foreach (var i in new[] { 0, 1, 3, 10, 16_383, 16_384, 16_390, 32_768, n - 1 })
        {
            var expected = Entry(i);
            var got = list[i];
            Assert.That(got.ToString(), Is.EqualTo(expected.ToString()), $"position {i}");
            Assert.That((got.Index, got.Time, got.Type, got.Process, got.F, got.Node, got.Error),
                Is.EqualTo((expected.Index, expected.Time, expected.Type, expected.Process, expected.F, expected.Node, expected.Error)), $"position {i}");
        }
        Assert.That(list.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, n).Select(i => Entry(i).Index)));
    }

    [Test]
    public void KeepsValuesByReferenceAndNamesOnce()
    {
        var value = new object?[] { 1L, 2L };
        var list = new CompactOpList();
        list.Add(new Op(0, 0, OpType.Invoke, 0, new string("write".ToCharArray()), value, "n1"));
        list.Add(new Op(1, 5, OpType.Ok, 0, new string("write".ToCharArray()), value, "n1"));
        Assert.That(ReferenceEquals(list[0].Value, value) && ReferenceEquals(list[1].Value, value), Is.True);
        Assert.That(ReferenceEquals(list[0].F, list[1].F), Is.True, "one copy of each name");
        Assert.That(list[1], Is.EqualTo(new Op(1, 5, OpType.Ok, 0, "write", value, "n1")));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = list[2]);
    }
}
