using Docker.DotNet.Models;
using Harness.Docker.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Docker;

[TestFixture]
public sealed class RunArgumentsTests
{
    private static CreateContainerParameters Apply(params string[] args)
    {
        var parameters = new CreateContainerParameters { HostConfig = new HostConfig(), Env = ["KEEP=1"] };
        RunArguments.Parse(args)(parameters);
        return parameters;
    }

    [TestCase("128m", 128L << 20)]
    [TestCase("64mb", 64L << 20)]
    [TestCase("1g", 1L << 30)]
    [TestCase("512", 512L)]
    [TestCase("2k", 2048L)]
    public void SizesFollowDockersSyntax(string size, long bytes) => Assert.That(RunArguments.Bytes(size), Is.EqualTo(bytes));

    [Test]
    public void ShmSizeTmpfsInitAndEnvironmentReachTheCreateParameters()
    {
        var p = Apply("--shm-size", "128m", "--tmpfs", "/run/pg:size=16m", "--init", "-e", "A=b", "--env=C=d");
        Assert.That(p.HostConfig!.ShmSize, Is.EqualTo(128L << 20));
        Assert.That(p.HostConfig.Tmpfs!["/run/pg"], Is.EqualTo("size=16m"));
        Assert.That(p.HostConfig.Init, Is.True);
        Assert.That(p.Env, Is.EqualTo(new[] { "KEEP=1", "A=b", "C=d" }));
    }

    [Test]
    public void CapabilitiesAndUlimitsAreAdded()
    {
        var p = Apply("--cap-add", "SYS_TIME", "--ulimit", "nofile=1024:2048");
        Assert.That(p.HostConfig!.CapAdd, Is.EqualTo(new[] { "SYS_TIME" }));
        Assert.That(p.HostConfig.Ulimits!.Single(), Has.Property("Name").EqualTo("nofile").And.Property("Soft").EqualTo(1024L).And.Property("Hard").EqualTo(2048L));
    }

    [Test]
    public void AnUnknownFlagIsAnErrorNotSilentlyDropped() =>
        Assert.That(() => RunArguments.Parse(["--network-alias", "x"]), Throws.ArgumentException.With.Message.Contains("--network-alias"));

    [Test]
    public void AFlagWithoutItsValueIsAnError() =>
        Assert.That(() => RunArguments.Parse(["--shm-size"]), Throws.ArgumentException);
}
