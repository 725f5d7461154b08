using Harness.Core.Storage;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

/// <summary>Atomic writes: the target is replaced whole, and a write that fails (a full disk) leaves the old file
/// untouched, no temporary file behind, and an error naming the target.</summary>
public class AtomicFileTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("harness-atomic-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void ReplacesTheTargetWhole()
    {
        var path = Path.Combine(_dir, "results.json");
        AtomicFile.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new contents");
        Assert.That(File.ReadAllText(path), Is.EqualTo("new contents"));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temporary file is left");
    }

    [Test]
    public void AFailedWriteKeepsTheOldFileAndNamesThePath()
    {
        var path = Path.Combine(_dir, "report.html");
        AtomicFile.WriteAllText(path, "the previous report");
        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("half a rep"u8);
            throw new IOException("No space left on device");
        }));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("No space left on device"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("the previous report"));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "the temporary file was removed");
    }
}
