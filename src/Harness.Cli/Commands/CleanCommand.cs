using System.CommandLine;
using Harness.Docker;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness clean</c>: removes every container and network the harness labelled (runs that were
/// killed, or kept with --keep-cluster), or with <c>--run ID</c> only those of one run (e.g. a run whose teardown
/// failed: its report names the id). Images and the store are kept.</summary>
internal static class CleanCommand
{
    public static Command Build()
    {
        var run = new Option<string?>("--run") { Description = "Only the containers and network of this run id (as a failed teardown names it, e.g. 20261202t050316900z)." };
        var cmd = new Command("clean", "Remove every Docker container and network labelled by the harness (--run: of one run only).") { run };
        cmd.SetAction(async (parse, ct) =>
        {
            await Harness.Lab.Internal.DockerPreflight.RequireEngineAsync(ct).ConfigureAwait(false);
            var (containers, networks) = await DockerCleaner.CleanAsync(parse.GetValue(run), ct).ConfigureAwait(false);
            AnsiConsole.MarkupLine($"removed [bold]{containers}[/] containers and [bold]{networks}[/] networks");
            return 0;
        });
        return cmd;
    }
}
