using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests;

public class EdnReaderTests
{
    [Test]
    public void ReadsNestedValuesCommentsCommasAndEscapes()
    {
        var text = "; a comment line\n{:a [1, 2.5 nil], :b #{:x \"y\"}, \"s\" \"tab\\there \\\"q\\\" \\\\ \\u00e9\", :c (true false) #_ :gone :d -7}";
        var map = (IReadOnlyDictionary<string, object?>)EdnReader.ParseValue(text)!;
        Assert.That(map.Keys, Is.EquivalentTo(new[] { "a", "b", "s", "c", "d" }));
        Assert.That(ValueText.Equals(map["a"], new object?[] { 1L, 2.5, null }), Is.True);
        Assert.That((object?[])map["b"]!, Is.EquivalentTo(new object?[] { new Keyword("x"), "y" }));
        Assert.That(map["s"], Is.EqualTo("tab\there \"q\" \\ \u00e9"));
        Assert.That(map["c"], Is.EqualTo(new object?[] { true, false }));
        Assert.That(map["d"], Is.EqualTo(-7L));
    }

    [Test]
    public void TaggedLiteralsReadAsTheirForm()
    {
        var forms = EdnReader.ReadAll("#inst \"2024-01-01\" #jepsen.history.Op{:index 3}");
        Assert.That(forms[0].Value, Is.EqualTo("2024-01-01"));
        Assert.That(((IReadOnlyDictionary<string, object?>)forms[1].Value!)["index"], Is.EqualTo(3L));
    }

    [TestCase("{:a 1", 1, 6, "'}'")]
    [TestCase("[1 2\n 3 }", 2, 4, "a value")]
    [TestCase("\"abc", 1, 5, "closing")]
    [TestCase("{:a 1}\n  \"bad \\q\"", 2, 8, "escape")]
    [TestCase("# 1", 1, 2, "#{")]
    public void MalformedInputNamesLineAndColumn(string text, int line, int column, string expected)
    {
        var e = Assert.Throws<HistoryFormatException>(() => EdnReader.ReadAll(text, "h.edn"));
        Assert.That(e!.File, Is.EqualTo("h.edn"));
        Assert.That((e.Line, e.Column), Is.EqualTo((line, column)), e.Message);
        Assert.That(e.Message, Does.Contain(expected));
    }
}
