using Harness.Core.Modules;

namespace Harness.Lab.Scenarios;

/// <summary>The scenario files shipped in <c>workloads/scenarios/</c> (copied next to the binaries), by name.</summary>
public static class ScenarioCatalog
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static IReadOnlyList<Scenario> All(Registry registry) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal).Select(f => ScenarioFile.Read(f, registry)).ToList()
            : [];

    public static Scenario Find(string name, Registry registry) => All(registry).FirstOrDefault(s => s.Name == name)
        ?? throw new InvalidSpecException($"no scenario '{name}'; known: {string.Join(", ", All(registry).Select(s => s.Name))}");
}
