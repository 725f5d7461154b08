using System.CommandLine;
using System.Text;
using Harness.Core.Modules;
using Harness.Lab;

namespace Harness.Cli.Commands;

/// <summary><c>harness modules</c>: the registry as tables (databases, workloads, faults with their capabilities and
/// options). <c>--markdown</c> prints the tables the README carries; a test keeps the two equal.</summary>
internal static class ModulesCommand
{
    private static readonly Option<bool> Markdown = new("--markdown") { Description = "Print Markdown tables (as in the README)." };

    public static Command Build()
    {
        var cmd = new Command("modules", "List the registered databases, workloads and faults, with capabilities and options.");
        cmd.Options.Add(Markdown);
        cmd.SetAction(p =>
        {
            Console.Out.Write(Tables(HarnessModules.Registry));
            return 0;
        });
        return cmd;
    }

    public static string Tables(Registry r)
    {
        var sb = new StringBuilder();
        sb.Append("| database | what | nodes | capabilities | workloads | options |\n|---|---|---|---|---|---|\n");
        foreach (var d in r.Databases)
            sb.Append($"| `{d.Name}` | {d.Summary} | {d.NodeCount} (default {d.NodeCount.Default}) | {string.Join(", ", d.Capabilities.Order(StringComparer.Ordinal))} | " +
                      $"{string.Join(", ", d.Workloads)} | {Options(d.Options, "")} |\n");
        sb.Append("\n| workload | what | options |\n|---|---|---|\n");
        foreach (var w in r.Workloads) sb.Append($"| `{w.Name}` | {w.Summary} | {Options(w.Options, "")} |\n");
        sb.Append("\n| fault (`--nemesis`) | what | needs | databases | options |\n|---|---|---|---|---|\n");
        foreach (var f in r.Faults)
            sb.Append($"| `{f.Name}` | {f.Summary} | {string.Join(", ", f.Requires.Order(StringComparer.Ordinal))} | " +
                      $"{string.Join(", ", r.Databases.Where(d => f.Requires.IsSubsetOf(d.Capabilities)).Select(d => d.Name))} | {Options(f.Options, f.Name + "-")} |\n");
        return sb.ToString();
    }

    private static string Options(IReadOnlyList<OptionDef> options, string prefix) =>
        options.Count == 0 ? "" : string.Join("<br>", options.Select(o => $"`--{prefix}{o.Name}` (default {(o.Default.Length == 0 ? "none" : o.Default)})"));
}
