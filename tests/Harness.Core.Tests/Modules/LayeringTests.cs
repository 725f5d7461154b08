using System.Xml.Linq;
using NUnit.Framework;

namespace Harness.Core.Tests.Modules;

/// <summary>
/// The dependency direction of STYLE.md, read from the project files: Core depends on nothing; checkers only on Core
/// (no Docker, no database client); Runner and Docker only on Core; database modules on Core, Docker and shared
/// client layers, never on the Runner, the checkers, the reports or the facade; Reports on Core (and Checkers);
/// only the CLI references the facade; the check verb (Harness.Check) and its Native AOT executable see no Docker.
/// </summary>
public class LayeringTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Harness.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> Projects() =>
        new[] { "src", "checkers", "workloads", "reports" }.SelectMany(d => Directory.GetFiles(Path.Combine(Root, d), "*.csproj", SearchOption.AllDirectories));

    private static (List<string> Projects, List<string> Packages) References(string csproj)
    {
        var x = XDocument.Load(csproj);
        var projects = x.Descendants("ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value)).ToList();
        var packages = x.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
        return (projects, packages);
    }

    private static IReadOnlySet<string>? Allowed(string project) => project switch
    {
        "Harness.Core" => new HashSet<string>(),
        "Harness.Checkers" => new HashSet<string> { "Harness.Core" },
        "Harness.Runner" or "Harness.Docker" => new HashSet<string> { "Harness.Core" },
        "Harness.Reports" => new HashSet<string> { "Harness.Core", "Harness.Checkers" },
        "Harness.Workloads" => new HashSet<string> { "Harness.Core", "Harness.Checkers" },
        "Harness.Workloads.Sql" => new HashSet<string> { "Harness.Core" },
        _ when project.StartsWith("Harness.Workloads.", StringComparison.Ordinal) => new HashSet<string> { "Harness.Core", "Harness.Docker", "Harness.Workloads.Sql" },
        "Harness.Lab" => null, // the facade may use everything but the CLI
        "Harness.Check" => new HashSet<string> { "Harness.Core", "Harness.Checkers" }, // the check verb, shared by both front ends
        "Harness.Check.Aot" => new HashSet<string> { "Harness.Check", "Harness.Workloads" }, // harness-check: no Docker, no reports
        "harness" or "Harness.Cli" => new HashSet<string> { "Harness.Lab", "Harness.Check" },
        _ => new HashSet<string>(),
    };

    [Test]
    public void EveryProjectReferencesOnlyWhatTheLayeringAllows()
    {
        var checkedCount = 0;
        foreach (var csproj in Projects())
        {
            var name = Path.GetFileNameWithoutExtension(csproj);
            var (projects, _) = References(csproj);
            var allowed = Allowed(name);
            if (allowed is null) Assert.That(projects, Does.Not.Contain("Harness.Cli"), name);
            else Assert.That(projects, Is.SubsetOf(allowed), $"{name} references {string.Join(", ", projects.Except(allowed))}");
            checkedCount++;
        }
        Assert.That(checkedCount, Is.GreaterThanOrEqualTo(9));
    }

    [Test]
    public void CheckersUseNoPackagesAtAll()
    {
        foreach (var csproj in Directory.GetFiles(Path.Combine(Root, "checkers"), "*.csproj", SearchOption.AllDirectories))
            Assert.That(References(csproj).Packages, Is.Empty, "checkers never see Docker or a database client: " + csproj);
    }

    [Test]
    public void TheRuleWouldCatchABrokenDirection()
    {
        Assert.That(Allowed("Harness.Checkers")!.Contains("Harness.Docker"), Is.False);
        Assert.That(Allowed("Harness.Workloads.Postgres")!.Contains("Harness.Runner"), Is.False);
        Assert.That(Allowed("Harness.Runner")!.Contains("Harness.Docker"), Is.False);
    }
}
