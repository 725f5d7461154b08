using Harness.Docker.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Docker;

/// <summary>Which legacy <c>docker</c> command lines <see cref="Harness.Docker.DockerCli"/> answers through the Engine API
/// (without calling it: only command lines that are not understood return null synchronously).</summary>
[TestFixture]
public sealed class EngineCommandsTests
{
    [TestCase("run", "-d", "image")]
    [TestCase("ps", "-aq", "--filter", "status=exited")]
    [TestCase("logs", "--follow", "c")]
    [TestCase("image", "inspect", "x")]
    public void CommandLinesItDoesNotKnowAreLeftToTheExecutable(params string[] args) =>
        Assert.That(EngineCommands.TryAnswer(args, TimeSpan.FromSeconds(1), CancellationToken.None), Is.Null);
}
