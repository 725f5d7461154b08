using Docker.DotNet.Models;
using Harness.Docker;
using Harness.Docker.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Docker;

/// <summary>Builds tiny images on the local engine (from the offline base image) through <see cref="ImageBuilder"/>.</summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class ImageBuilderTests
{
    private readonly string id = Guid.NewGuid().ToString("N")[..8];
    private string dir = "";
    private string logs = "";
    private string baseImage = "";

    [OneTimeSetUp]
    public async Task ResolveBase() => baseImage = await BaseImage.EnsureAsync("debian:bookworm-slim", null, CancellationToken.None);

    [SetUp]
    public void CreateContext()
    {
        dir = Path.Combine(Path.GetTempPath(), "harness-build-" + Guid.NewGuid().ToString("N"));
        logs = Path.Combine(dir, "logs");
        Directory.CreateDirectory(Path.Combine(dir, "ctx"));
    }

    [TearDown]
    public void RemoveContext() => Directory.Delete(dir, recursive: true);

    private ImageRecipe Recipe(string tag, string run)
    {
        File.WriteAllText(Path.Combine(dir, "ctx", "Dockerfile"), $"ARG BASE=debian:bookworm-slim\nFROM ${{BASE}}\nRUN {run}\nLABEL harness.test=1\n");
        return new ImageRecipe(tag, Path.Combine(dir, "ctx"), new Dictionary<string, string> { ["BASE"] = baseImage });
    }

    private static async Task RemoveImageAsync(string tag)
    {
        try
        {
            await DockerEngine.Client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true }, CancellationToken.None);
        }
        catch (global::Docker.DotNet.DockerApiException)
        {
            // not built
        }
    }

    [Test]
    public async Task ABuildReportsOneLinePerStepWithItsLogAndIsSkippedWhenUnchanged()
    {
        var tag = $"harness-it-build:{id}";
        var lines = new List<string>();
        var progress = new SyncProgress(lines.Add);
        try
        {
            await ImageBuilder.EnsureAsync(Recipe(tag, "echo hello-from-the-build"), progress, logs, CancellationToken.None);
            Assert.That(lines, Has.Some.Match(@"^harness-it-build:\w+: step \d+/\d+, [0-9.]+ s$"));
            Assert.That(lines[^1], Does.StartWith($"built {tag} in ").And.Contain(logs));
            var log = Directory.GetFiles(logs, "images-*.log").Single();
            Assert.That(File.ReadAllText(log), Does.Contain("hello-from-the-build"));
            Assert.That(lines, Has.None.Contain("hello-from-the-build"), "raw output belongs in the log, not the progress");

            lines.Clear();
            await ImageBuilder.EnsureAsync(Recipe(tag, "echo hello-from-the-build"), progress, logs, CancellationToken.None);
            Assert.That(lines, Is.EqualTo(new[] { $"{tag} is up to date ({ImageBuilder.ContentHash(Recipe(tag, "echo hello-from-the-build"))[..12]})" }));
        }
        finally
        {
            await RemoveImageAsync(tag);
        }
    }

    [Test]
    public async Task AFailedBuildThrowsWithTheLastLinesOfItsLogAndLeavesNoContainer()
    {
        var tag = $"harness-it-fail:{id}";
        var marker = $"about-to-fail-{id}";
        try
        {
            var e = Assert.ThrowsAsync<DockerException>(() => ImageBuilder.EnsureAsync(Recipe(tag, $"echo {marker} && exit 3"), null, logs, CancellationToken.None));
            Assert.That(e!.Message, Does.Contain(marker).And.Contain("last lines of").And.Contain(logs));
            var left = await DockerEngine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, CancellationToken.None);
            Assert.That(left.Where(c => c.Command.Contains(marker, StringComparison.Ordinal)).Select(c => c.ID[..12]), Is.Empty,
                "the failed step's intermediate container was removed (forcerm)");
        }
        finally
        {
            await RemoveImageAsync(tag);
        }
    }

    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
