using System.CommandLine;
using Harness.Cli.Commands;
using Harness.Cli.Terminal;
using Harness.Core.Formats;

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
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine("harness: " + e.Message);
            Console.Error.WriteLine("See 'harness --help'.");
            return ExitCodes.BadInput;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("harness: interrupted; cleaning up (press Ctrl-C again to abandon)");
            if (cts.IsCancellationRequested) Environment.Exit(130);
            cts.Cancel();
        };
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cts.Token);
        }
        catch (Exception e) when (Unwrap(e) is OperationCanceledException && cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("harness: interrupted; the cluster was removed and everything recorded so far is in the store");
            return 130;
        }
        catch (Exception e) when (Unwrap(e) is Harness.Lab.DockerUnavailableException)
        {
            Console.Error.WriteLine("harness: " + Unwrap(e).Message);
            return ExitCodes.InternalError;
        }
        catch (Exception e) when (Unwrap(e) is Harness.Docker.DockerException)
        {
            // The environment failed us (a cluster that never became healthy, a container that would not start):
            // say what, without a stack trace; the run's folder and store/logs keep what was recorded.
            Console.Error.WriteLine("harness: " + Unwrap(e).Message);
            Console.Error.WriteLine("harness: nothing recorded so far was lost; image and cluster logs are under the store (store/logs, the run's folder)");
            return ExitCodes.InternalError;
        }
        catch (Exception e) when (Unwrap(e) is UsageException or Harness.Core.Modules.InvalidSpecException or HistoryFormatException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine("harness: " + Unwrap(e).Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Unwrap(e) is IOException io)
        {
            Console.Error.WriteLine("harness: " + io.Message); // a full disk, an unwritable store: the message names the path
            return ExitCodes.InternalError;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("harness: internal error: " + e);
            return ExitCodes.InternalError;
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerException: { } inner } ? Unwrap(inner) : e;

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
