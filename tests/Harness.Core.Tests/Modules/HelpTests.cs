using System.Text.RegularExpressions;
using Harness.Cli;
using Harness.Cli.Terminal;
using Harness.Lab;
using NUnit.Framework;

namespace Harness.Core.Tests.Modules;

/// <summary><c>harness --help</c> is derived from the registry: it names every database, workload and fault, and
/// offers exactly one flag per module option (fault options as --FAULT-OPTION).</summary>
public class HelpTests
{
    private static string Help()
    {
        var w = new StringWriter();
        FullHelp.Print(Program.BuildRoot(), w);
        return w.ToString();
    }

    private static string RunSection(string help) =>
        help[help.IndexOf("harness run", StringComparison.Ordinal)..help.IndexOf("harness check", StringComparison.Ordinal)];

    [Test]
    public void TheRunVerbListsEveryRegisteredModule()
    {
        var run = RunSection(Help());
        var r = HarnessModules.Registry;
        foreach (var name in r.Databases.Select(d => d.Name).Concat(r.Workloads.Select(w => w.Name)).Concat(r.Faults.Select(f => f.Name)))
            Assert.That(run, Does.Contain(name + " ("), name);
    }

    [Test]
    public void TheRunVerbHasExactlyOneFlagPerModuleOption()
    {
        var run = RunSection(Help());
        var flags = Regex.Matches(run, @"^\s{4}(--[a-z0-9-]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var r = HarnessModules.Registry;
        var expected = r.Databases.SelectMany(d => d.Options).Concat(r.Workloads.SelectMany(w => w.Options)).Select(o => "--" + o.Name)
            .Concat(r.Faults.SelectMany(f => f.Options.Select(o => $"--{f.Name}-{o.Name}"))).Distinct().ToList();
        Assert.That(flags, Is.Unique);
        Assert.That(flags, Is.SupersetOf(expected));
        var generic = flags.Except(expected).ToList();
        Assert.That(generic, Does.Contain("--database").And.Contain("--nemesis").And.Contain("--spec").And.Contain("--seed"));
        Assert.That(generic, Has.Count.LessThanOrEqualTo(20), "every other flag is a common test field: " + string.Join(" ", generic));
    }

    [Test]
    public void TheCheckVerbOffersTheRegisteredWorkloads()
    {
        var help = Help();
        var check = help[help.IndexOf("harness check", StringComparison.Ordinal)..];
        foreach (var w in HarnessModules.Registry.Workloads) Assert.That(check, Does.Contain(w.Name));
    }
}

/// <summary>The README's module tables are the output of <c>harness modules --markdown</c>, not a parallel list.</summary>
public class ReadmeTablesTests
{
    [Test]
    public void TheReadmeCarriesTheRegistryTables()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null);
        var readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var tables = Harness.Cli.Commands.ModulesCommand.Tables(HarnessModules.Registry);
        Assert.That(readme, Does.Contain(tables), "regenerate with: ./harness modules --markdown");
    }
}
