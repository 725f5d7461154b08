using System.Diagnostics;
using NUnit.Framework;

namespace Harness.Integration.Tests.Reliability;

/// <summary>No Docker Engine at DOCKER_HOST (a socket nobody listens on): <c>harness run</c> exits 255 at once, saying
/// which endpoint it tried and how to get an engine; no run folder is created. The time it took goes to the test
/// output (it is a figure, not an assertion). Needs no engine, so it disturbs nobody's.</summary>
[TestFixture]
public sealed class DockerUnreachableTests
{
    [Test]
    public async Task RunWithADeadDockerHostExits255NamingTheEndpointAndTheFix()
    {
        var store = Directory.CreateTempSubdirectory("harness-it-nodocker-").FullName;
        var socket = Path.Combine(store, "no-docker.sock");
        var env = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix://" + socket };
        var watch = Stopwatch.StartNew();
        using var cli = HarnessCli.Start(env, "run", "--name", "it-nodocker", "--time-limit", "5", "--store", store);
        var exit = await cli.WaitForExitAsync(TimeSpan.FromMinutes(2));
        watch.Stop();
        TestContext.Out.WriteLine($"harness run without an engine exited {exit} after {watch.Elapsed.TotalSeconds:0.00} s (process start included)");
        Assert.That(exit, Is.EqualTo(255));
        var said = string.Join("\n", cli.Lines);
        Assert.That(said, Does.Contain(socket), "names the endpoint it tried");
        Assert.That(said, Does.Contain("DOCKER_HOST").And.Contain("dockerd"), "says how to fix it");
        Assert.That(Directory.GetDirectories(store), Is.Empty, "no run folder for a run that never started");
        Directory.Delete(store, true);
    }
}
