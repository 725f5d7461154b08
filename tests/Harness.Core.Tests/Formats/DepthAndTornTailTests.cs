using Harness.Core.Formats;
using NUnit.Framework;

namespace Harness.Core.Tests.Formats;

/// <summary>Every recursive reader has a depth limit (bad input, never a stack overflow), and a torn last line
/// is skipped with a warning naming the file and line.</summary>
public class DepthAndTornTailTests
{
    private static string TempFile(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [TestCase("deep.edn", 100_000)]
    [TestCase("deep.jsonl", 100_000)]
    [TestCase("deep.json", 100_000)]
    [TestCase("history.txt", 100_000)]
    [TestCase("deep.edn", 5_000)]
    public void DeepNestingIsAFormatErrorWithFileLineAndColumn(string name, int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);
        var text = name switch
        {
            "deep.edn" => "{:type :invoke :process 0 :f :read :value nil}\n{:type :ok :process 0 :f :read :value " + nested + "}\n",
            "deep.jsonl" => "{\"type\":\"invoke\",\"process\":0,\"f\":\"read\"}\n{\"type\":\"ok\",\"process\":0,\"f\":\"read\",\"value\":" + nested + "}\n",
            "deep.json" => "[{\"type\":\"invoke\",\"process\":0,\"f\":\"read\"},\n{\"type\":\"ok\",\"process\":0,\"f\":\"read\",\"value\":" + nested + "}]\n",
            _ => "0\t:invoke\t:read\tnil\n0\t:ok\t:read\t" + nested + "\n",
        };
        var path = TempFile(name, text);
        var e = Assert.Throws<HistoryFormatException>(() => HistoryFormats.Read(path));
        Assert.That((e!.File, e.Line), Is.EqualTo((path, 2)), e.Message);
        Assert.That(e.Column, Is.GreaterThan(1));
    }

    [TestCase("h.jsonl", "{\"type\":\"invoke\",\"process\":0,\"f\":\"read\"}\n{\"type\":\"ok\",\"process\":0,\"f\":\"read\"}\n{\"type\":\"inv")]
    [TestCase("h.edn", "{:type :invoke :process 0 :f :read}\n{:type :ok :process 0 :f :read}\n{:type :inv")]
    public void ATornLastLineIsSkippedWithAWarning(string name, string text)
    {
        var path = TempFile(name, text);
        var warnings = new List<string>();
        Assert.That(HistoryFormats.Read(path, warn: warnings.Add), Has.Count.EqualTo(2));
        Assert.That(warnings.Single(), Does.StartWith(path + ":3:"));
        var whole = TempFile(name, text + "\n");
        var e = Assert.Throws<HistoryFormatException>(() => HistoryFormats.Read(whole), "a bad last line written whole is not torn");
        Assert.That(e!.Line, Is.GreaterThanOrEqualTo(3), e.Message);
    }
}
