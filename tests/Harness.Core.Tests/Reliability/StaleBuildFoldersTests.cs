using System.Globalization;
using Harness.Docker;
using NUnit.Framework;

namespace Harness.Core.Tests.Reliability;

public sealed class StaleBuildFoldersTests
{
    [Test]
    public void FoldersOfDeadHarnessesGoAndOthersStay()
    {
        var parent = Directory.CreateTempSubdirectory("harness-sweep-folders-").FullName;
        var mine = StaleBuildFolders.NewFolder(parent);
        // pid 4194304 is above Linux's pid_max ceiling (2^22), so no process has it: its harness is gone.
        var dead = Path.Combine(parent, "harness-base-4194304-12345-0123456789abcdef0123456789abcdef");
        var foreign = Path.Combine(parent, "harness-base-notours");
        var unrelated = Path.Combine(parent, "something-else");
        foreach (var d in new[] { mine, dead, foreign, unrelated }) Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(dead, "debootstrap.log"), "half a tree");

        var removed = StaleBuildFolders.Sweep(parent);

        Assert.That(removed, Is.EqualTo(new[] { dead }));
        Assert.That(Directory.Exists(dead), Is.False);
        Assert.That(Directory.Exists(mine) && Directory.Exists(foreign) && Directory.Exists(unrelated), Is.True, "a live owner's folder and names not ours stay");
        Directory.Delete(parent, true);
    }

    [Test]
    public void TheFolderNameCarriesThisProcessAsOwner()
    {
        var name = Path.GetFileName(StaleBuildFolders.NewFolder());
        var owner = StaleBuildFolders.Owner(name);
        Assert.That(owner, Is.Not.Null, name);
        Assert.That(owner!.Pid, Is.EqualTo(Environment.ProcessId));
        Assert.That(owner.IsAlive, Is.True);
        Assert.That(StaleBuildFolders.Owner("harness-base-12-x-y"), Is.Null);
        Assert.That(StaleBuildFolders.Owner(string.Create(CultureInfo.InvariantCulture, $"other-{Environment.ProcessId}-1-a")), Is.Null);
    }
}
