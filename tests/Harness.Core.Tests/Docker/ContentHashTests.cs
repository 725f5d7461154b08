using Harness.Docker;
using NUnit.Framework;

namespace Harness.Core.Tests.Docker;

[TestFixture]
public sealed class ContentHashTests
{
    private string dir = "";

    [SetUp]
    public void CreateContext()
    {
        dir = Path.Combine(Path.GetTempPath(), "harness-hash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM x\n");
        File.WriteAllText(Path.Combine(dir, "sub", "entry.sh"), "#!/bin/sh\n");
    }

    [TearDown]
    public void RemoveContext() => Directory.Delete(dir, recursive: true);

    private ImageRecipe Recipe(string tag = "t:1", params (string Key, string Value)[] args) =>
        new(tag, dir, args.ToDictionary(a => a.Key, a => a.Value));

    [Test]
    public void SameContentGivesTheSameHash()
    {
        var first = ImageBuilder.ContentHash(Recipe(args: ("BASE", "b")));
        var second = ImageBuilder.ContentHash(Recipe(args: ("BASE", "b")));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void TheTagIsNotPartOfTheHash() =>
        Assert.That(ImageBuilder.ContentHash(Recipe("a:1")), Is.EqualTo(ImageBuilder.ContentHash(Recipe("b:2"))));

    [Test]
    public void ChangingAFileChangesTheHash()
    {
        var before = ImageBuilder.ContentHash(Recipe());
        File.WriteAllText(Path.Combine(dir, "sub", "entry.sh"), "#!/bin/sh\necho\n");
        Assert.That(ImageBuilder.ContentHash(Recipe()), Is.Not.EqualTo(before));
    }

    [Test]
    public void AddingOrRenamingAFileChangesTheHash()
    {
        var before = ImageBuilder.ContentHash(Recipe());
        File.Move(Path.Combine(dir, "sub", "entry.sh"), Path.Combine(dir, "sub", "other.sh"));
        var renamed = ImageBuilder.ContentHash(Recipe());
        File.WriteAllText(Path.Combine(dir, "extra"), "");
        var added = ImageBuilder.ContentHash(Recipe());
        Assert.That(new[] { before, renamed, added }.Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void MovingBytesBetweenFilesChangesTheHash()
    {
        File.WriteAllText(Path.Combine(dir, "a"), "xy");
        File.WriteAllText(Path.Combine(dir, "b"), "");
        var before = ImageBuilder.ContentHash(Recipe());
        File.WriteAllText(Path.Combine(dir, "a"), "x");
        File.WriteAllText(Path.Combine(dir, "b"), "y");
        Assert.That(ImageBuilder.ContentHash(Recipe()), Is.Not.EqualTo(before));
    }

    [Test]
    public void ChangingABuildArgumentChangesTheHash()
    {
        var a = ImageBuilder.ContentHash(Recipe(args: ("BASE_ID", "sha256:1")));
        var b = ImageBuilder.ContentHash(Recipe(args: ("BASE_ID", "sha256:2")));
        var none = ImageBuilder.ContentHash(Recipe());
        Assert.That(new[] { a, b, none }.Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void ArgumentOrderDoesNotMatter() =>
        Assert.That(ImageBuilder.ContentHash(Recipe(args: [("A", "1"), ("B", "2")])),
            Is.EqualTo(ImageBuilder.ContentHash(Recipe(args: [("B", "2"), ("A", "1")]))));
}
