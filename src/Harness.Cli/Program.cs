using System.CommandLine;
using Harness.Check;
using Harness.Cli.Commands;
using Harness.Cli.Terminal;

namespace Harness.Cli;

/// <summary>The <c>harness</c> command: verbs run, check, report, clean, images, bench (and test, run by the entry script).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // `harness check FILE` is one short process, often one per file in a script: it builds only its own verb (no
        // module registry, no other verbs) and, printing JSON, never touches Spectre.Console.
        var checkOnly = args is ["check", _, ..] && !args.Contains("--help") && !args.Contains("-h");
        if (Console.IsOutputRedirected && !(checkOnly && args.Contains("--json"))) Spectre.Console.AnsiConsole.Profile.Width = 200; // logs: no wrapping at 80 columns
        var root = checkOnly ? CheckRoot() : BuildRoot();
        if (args.Length == 0 || args is ["--help"] or ["-h"] or ["help"])
        {
            FullHelp.Print(root, Console.Out);
            return 0;
        }
        return await CommandRunner.RunAsync(root, args, e =>
        {
            switch (e)
            {
                case Harness.Lab.DockerUnavailableException:
                    Console.Error.WriteLine("harness: " + e.Message);
                    return ExitCodes.InternalError;
                case Harness.Docker.DockerException:
                    // The environment failed us (a cluster that never became healthy, a container that would not start):
                    // say what, without a stack trace; the run's folder and store/logs keep what was recorded.
                    Console.Error.WriteLine("harness: " + e.Message);
                    Console.Error.WriteLine("harness: nothing recorded so far was lost; image and cluster logs are under the store (store/logs, the run's folder)");
                    return ExitCodes.InternalError;
                default:
                    return null;
            }
        });
    }

    private static RootCommand CheckRoot()
    {
        var root = new RootCommand("Harness: check a history file or a stored run.");
        root.Subcommands.Add(CheckCommand.Build(listWorkloads: false));
        return root;
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Harness: Jepsen-style consistency testing of replicated databases on Docker.");
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(CheckCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        root.Subcommands.Add(CleanCommand.Build());
        root.Subcommands.Add(ImagesCommand.Build());
        root.Subcommands.Add(ModulesCommand.Build());
        root.Subcommands.Add(ScenarioCommand.Build());
        root.Subcommands.Add(CompareCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(new Command("test", "Run the test suite (unit + Docker integration) and print 'N passed, N failed'. Handled by the ./harness entry script; extra arguments go to 'dotnet test' (e.g. --filter TestCategory!=Docker)."));
        return root;
    }
}
