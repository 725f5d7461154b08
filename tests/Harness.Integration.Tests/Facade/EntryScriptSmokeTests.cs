using System.Diagnostics;
using NUnit.Framework;

namespace Harness.Integration.Tests.Facade;

/// <summary>
/// The README's commands work on a clean clone: <c>./harness --help</c> and a short <c>./harness run</c> from a fresh
/// <c>git clone</c> of this repository, exactly as a newcomer types them (the entry script builds the CLI first).
/// A fresh clone has no bin/ folders, which once broke the build step while every in-tree test passed.
/// </summary>
[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class EntryScriptSmokeTests
{
    private string _clone = "";

    [OneTimeSetUp]
    public async Task CloneTheRepository()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, ".git"))) root = root.Parent;
        Assume.That(root, Is.Not.Null, "not inside a git checkout");
        _clone = Path.Combine(Directory.CreateTempSubdirectory("harness-fresh-").FullName, "harness");
        var (code, output) = await ShAsync($"git clone -q '{root!.FullName}' '{_clone}'", Path.GetTempPath(), TimeSpan.FromMinutes(2));
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(Directory.Exists(Path.Combine(_clone, "src", "Harness.Cli", "bin")), Is.False, "a fresh clone has no build output");
    }

    [OneTimeTearDown]
    public void RemoveTheClone()
    {
        if (_clone.Length > 0) Directory.Delete(Path.GetDirectoryName(_clone)!, recursive: true);
    }

    [Test]
    [Order(1)]
    public async Task HelpWorksOnAFreshClone()
    {
        var (code, output) = await ShAsync("./harness --help", _clone, TimeSpan.FromMinutes(8));
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("harness run").And.Contain("--database").And.Contain("harness check"));
    }

    [Test]
    [Order(2)]
    public async Task AShortRunWorksOnAFreshClone()
    {
        var (code, output) = await ShAsync("./harness run --time-limit 10 --nemesis-interval 2 --fault-duration 4", _clone, TimeSpan.FromMinutes(8));
        TestContext.Out.WriteLine(output);
        Assert.That(code, Is.EqualTo(0).Or.EqualTo(1), "a verdict (valid or invalid), not a crash: " + output);
        Assert.That(output, Does.Contain("verdict:").And.Contain("report.html"));
        Assert.That(File.Exists(Path.Combine(_clone, "store", "latest", "report.html")), Is.True);
    }

    private static async Task<(int Code, string Output)> ShAsync(string command, string directory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("bash", ["-c", command + " 2>&1"]) { WorkingDirectory = directory, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(timeout);
        var output = p.StandardOutput.ReadToEndAsync(cts.Token);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}: {command}");
        }
        return (p.ExitCode, await output);
    }
}
