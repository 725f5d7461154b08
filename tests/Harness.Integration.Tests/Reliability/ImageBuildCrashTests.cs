using System.Diagnostics;
using Harness.Docker;
using Harness.Runner;
using NUnit.Framework;

namespace Harness.Integration.Tests.Reliability;

/// <summary>
/// SIGKILL of the harness while the engine builds an image (issue 11, crash safety, the image-build phase). An
/// in-process cancel cannot stand in for it (the engine's build step went on), so a child <c>harness images --recipe</c>
/// builds a tiny throw-away recipe (<c>FROM harness-tools:bookworm</c>, a <c>RUN</c> step that sleeps, a unique
/// marker so its content hash is new and no cached layer answers) and is killed once the engine runs that step. The
/// engine must then stop the step and remove its container (the build's HTTP connection is gone), no image may carry
/// the recipe's tag (a half-built image can never pass for a finished one: the next build finds no tag, hence no
/// matching content-hash label, and builds afresh), and the next <c>harness run</c> in the same store starts cleanly
/// and finishes with a verdict, the store holding only that run, complete. The shared harness-* images are only read.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class ImageBuildCrashTests
{
    private const int StepSeconds = 45;

    [Test]
    public async Task HarnessKilledMidBuildLeavesNoBuildContainerNorTagAndTheNextRunStartsCleanly()
    {
        Assert.That(await DockerCli.Default.ImageIdAsync(ToolsImage.Tag, CancellationToken.None), Is.Not.Null,
            $"{ToolsImage.Tag} exists (any Docker test or 'harness images' builds it)");
        var marker = "harness-it-buildkill-" + Guid.NewGuid().ToString("N")[..12];
        var tag = marker + ":test";
        var store = Directory.CreateTempSubdirectory("harness-it-crash-image-build-").FullName;
        var recipe = Directory.CreateTempSubdirectory("harness-it-buildkill-recipe-").FullName;
        File.WriteAllText(Path.Combine(recipe, "Dockerfile"), $"FROM {ToolsImage.Tag}\nRUN echo {marker} && sleep {StepSeconds}\n");
        try
        {
            using (var cli = HarnessCli.Start(null, ["images", "--recipe", recipe, "--tag", tag, "--store", store]))
            {
                var building = await Poll.UntilAsync(async () => (await BuildContainersAsync(marker)).Length > 0, TimeSpan.FromMinutes(3));
                Assert.That(building, Is.True, "the engine ran the recipe's RUN step; harness said:\n" + string.Join("\n", cli.Lines));
                await cli.KillAsync();
            }
            var killedAt = Stopwatch.StartNew();
            // A build that went on would keep its step container for the rest of the sleep (the kill lands within
            // seconds of the step starting), then commit and tag: 20 s is well inside that window.
            var stopped = await Poll.UntilAsync(async () => (await BuildContainersAsync(marker)).Length == 0, TimeSpan.FromSeconds(20));
            TestContext.Out.WriteLine($"build step container gone {killedAt.Elapsed.TotalSeconds:0.0} s after the kill: {stopped}");
            Assert.That(stopped, Is.True, "the engine stopped the build step and removed its container when the harness died");
            await Task.Delay(TimeSpan.FromSeconds(3)); // a build that went on would commit and tag right after its step
            Assert.That(await DockerCli.Default.ImageIdAsync(tag, CancellationToken.None), Is.Null, "no image carries the killed build's tag");

            var next = await HarnessCli.RunToEndAsync(TimeSpan.FromMinutes(6), null,
                "run", "--name", "it-crash-image-build-next", "--time-limit", "2", "--nemesis", "none", "--store", store);
            Assert.That(next, Is.AnyOf(0, 1, 2), "the next run started cleanly and finished with a verdict");
            var runs = new RunStore(store).Runs().ToList();
            Assert.That(runs, Has.Count.EqualTo(1), "the killed build made no run folder; the next run made one");
            Assert.That(RunStore.IsIncomplete(runs[0]), Is.False, "and it is complete");
            Assert.That(File.Exists(Path.Combine(runs[0], RunStore.ResultsFile)), Is.True, "with its results");
            Assert.That(File.ReadAllText(Path.Combine(store, "index.html")), Does.Not.Contain("INCOMPLETE"), "the store index lists no broken run");
        }
        finally
        {
            if (await DockerCli.Default.ImageIdAsync(tag, CancellationToken.None) is not null)
                await DockerCli.Default.RunAsync(["rmi", "-f", tag], TimeSpan.FromSeconds(60), CancellationToken.None);
            Directory.Delete(store, true);
            Directory.Delete(recipe, true);
        }
    }

    /// <summary>Containers (any state) whose command carries the marker: the engine's containers for the recipe's RUN step.</summary>
    private static async Task<string[]> BuildContainersAsync(string marker)
    {
        var lines = await DockerCli.Default.RunCheckedAsync(["ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Command}}"], TimeSpan.FromSeconds(60), CancellationToken.None);
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(marker, StringComparison.Ordinal)).ToArray();
    }
}
