using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests.Formats;

/// <summary>
/// Seeded fuzzing of every history reader: 400 mutations of a valid history in each of the six formats (2,400
/// inputs: deletions, insertions of syntax characters, duplicated and swapped lines, truncation, nesting up to
/// 100,000 levels, huge numbers, NUL and invalid UTF-8). Each input is read and paired; it must either be accepted
/// or rejected with a <see cref="HistoryFormatException"/> naming the file and a line (a pairing error names the
/// operation's position, which the CLI turns into a line). Anything else, or a crashed test host, is a failure.
/// </summary>
public class ReaderFuzzTests
{
    private const int PerFormat = 400;

    public static IEnumerable<TestCaseData> Formats() => ReaderFuzzSeeds.All.Select(s => new TestCaseData(s.Format, s.FileName, s.Text).SetName("Fuzz_" + s.Format.Replace('-', '_')));

    [TestCaseSource(nameof(Formats))]
    public void MutatedInputsAreReadOrRejectedWithFileAndLine(string format, string fileName, string seed)
    {
        var dir = Directory.CreateTempSubdirectory("harness-fuzz-");
        var random = new Random(format.Length * 7919 + seed.Length);
        var (accepted, rejected) = (0, 0);
        try
        {
            Assert.That(Outcome(Write(dir, fileName, System.Text.Encoding.UTF8.GetBytes(seed)), format), Is.True, "the unmutated seed reads");
            for (var i = 0; i < PerFormat; i++)
            {
                var bytes = ReaderFuzzMutator.Mutate(seed, random);
                var path = Write(dir, fileName, bytes);
                if (Outcome(path, i % 2 == 0 ? format : null)) accepted++;
                else rejected++;
            }
        }
        finally
        {
            dir.Delete(true);
        }
        Assert.That(accepted + rejected, Is.EqualTo(PerFormat));
        Assert.That(rejected, Is.GreaterThan(PerFormat / 10), "the mutations must reach the error paths");
        TestContext.Out.WriteLine($"{format}: {accepted} accepted, {rejected} rejected with file and line");
    }

    private static string Write(DirectoryInfo dir, string fileName, byte[] bytes)
    {
        var path = Path.Combine(dir.FullName, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>True if accepted, false if rejected as it should be; any other exception fails the test.</summary>
    private static bool Outcome(string path, string? format)
    {
        try
        {
            History.History.Of(HistoryFormats.Read(path, format));
            return true;
        }
        catch (HistoryFormatException e)
        {
            Assert.That(e.File, Is.EqualTo(path));
            Assert.That(e.Line, Is.GreaterThanOrEqualTo(1));
            Assert.That(e.Column, Is.GreaterThanOrEqualTo(1));
            Assert.That(e.Message, Does.StartWith($"{path}:{e.Line}:{e.Column}: "));
            return false;
        }
        catch (HistoryPairingException e)
        {
            Assert.That(e.Position, Is.GreaterThanOrEqualTo(0));
            return false;
        }
    }
}
