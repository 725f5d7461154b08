using System.CommandLine;
using Harness.Docker;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness clean</c>: removes every container and network the harness labelled (runs that were
/// killed, or kept with --keep-cluster). Images and the store are kept.</summary>
internal static class CleanCommand
{
    public static Command Build()
    {
        var cmd = new Command("clean", "Remove every Docker container and network labelled by the harness.");
        cmd.SetAction(async (_, ct) =>
        {
            await Harness.Lab.Internal.DockerPreflight.RequireEngineAsync(ct).ConfigureAwait(false);
            var (containers, networks) = await DockerCleaner.CleanAsync(ct).ConfigureAwait(false);
            AnsiConsole.MarkupLine($"removed [bold]{containers}[/] containers and [bold]{networks}[/] networks");
            return 0;
        });
        return cmd;
    }
}
