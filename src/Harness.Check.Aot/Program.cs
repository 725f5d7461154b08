using System.CommandLine;
using Harness.Check;
using Spectre.Console;

namespace Harness.Check.Aot;

/// <summary><c>harness-check check FILE [options]</c>: exactly <c>harness check</c> of a history file (the same verb,
/// <see cref="CheckVerb"/>, so the same options, output and exit codes), compiled ahead of time so that a script
/// checking one file per process does not pay for JIT and the full CLI's start-up. What it cannot do (stored runs,
/// help, workloads it is not built with) it hands back: under <c>HARNESS_CHECK_DELEGATE=1</c> (set by the ./harness
/// entry script) it exits 3 having printed nothing, and the script runs the full CLI; run by hand it says so and
/// exits 254.</summary>
internal static class Program
{
    /// <summary>The exit code that tells the entry script to run the full CLI instead.</summary>
    public const int Delegate = 3;

    public static async Task<int> Main(string[] args)
    {
        if (args is not ["check", _, ..] || args.Contains("--help") || args.Contains("-h"))
            return HandBack("harness-check runs only 'check <file> [options]'");
        if (Console.IsOutputRedirected && !args.Contains("--json")) AnsiConsole.Profile.Width = 200; // logs: no wrapping at 80 columns
        var root = new RootCommand("Harness: check a history file.");
        root.Subcommands.Add(CheckVerb.Build(new LeanCheckHost(), listWorkloads: false));
        return await CommandRunner.RunAsync(root, args, e => e is FullCliNeededException ? HandBack(e.Message) : null);
    }

    private static int HandBack(string reason)
    {
        if (Environment.GetEnvironmentVariable("HARNESS_CHECK_DELEGATE") == "1") return Delegate;
        Console.Error.WriteLine($"harness-check: {reason}; use ./harness check");
        return ExitCodes.BadInput;
    }
}
