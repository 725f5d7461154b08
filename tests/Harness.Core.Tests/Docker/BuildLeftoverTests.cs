using Docker.DotNet.Models;
using Harness.Docker;
using NUnit.Framework;

namespace Harness.Core.Tests.Docker;

/// <summary>Which containers descended from our base image <c>harness clean</c> takes as a failed build's leftovers:
/// stopped and unlabelled only (a running build step and a labelled node are never taken).</summary>
[TestFixture]
public sealed class BuildLeftoverTests
{
    private static ContainerListResponse Container(string state, Dictionary<string, string>? labels) =>
        new() { ID = "c0ffee", State = state, Labels = labels!, Command = "/bin/sh -c echo about-to-fail && exit 3" };

    [Test]
    public void AStoppedUnlabelledContainerIsALeftover()
    {
        Assert.That(DockerCleaner.IsBuildLeftover(Container("exited", null)), Is.True);
        Assert.That(DockerCleaner.IsBuildLeftover(Container("dead", [])), Is.True);
    }

    [Test]
    public void ARunningOrJustCreatedBuildStepIsNot()
    {
        Assert.That(DockerCleaner.IsBuildLeftover(Container("running", null)), Is.False);
        Assert.That(DockerCleaner.IsBuildLeftover(Container("created", null)), Is.False);
    }

    [Test]
    public void ALabelledNodeIsNotEvenWhenStopped() =>
        Assert.That(DockerCleaner.IsBuildLeftover(Container("exited", new() { [HarnessLabels.ManagedKey] = "true" })), Is.False);
}
