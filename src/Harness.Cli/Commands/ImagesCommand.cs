using System.CommandLine;
using System.Diagnostics;
using Harness.Lab;
using Harness.Cli.Terminal;
using Harness.Core.Testing;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness images</c>: builds the base and node images ahead of a run (unchanged Dockerfiles are not rebuilt).</summary>
internal static class ImagesCommand
{
    private static readonly Option<string> Store = new("--store") { Description = "Directory for run output; build logs go to its logs/ folder.", DefaultValueFactory = _ => "store" };
    private static readonly Option<string> BaseImage = new("--base-image") { Description = "Base image; built offline with debootstrap if absent and not pullable.", DefaultValueFactory = _ => new TestSpec().BaseImage };

    public static Command Build()
    {
        var cmd = new Command("images", "Build the base image and the node images (skipped when their content hash is unchanged).");
        cmd.Options.Add(BaseImage);
        cmd.Options.Add(Store);
        cmd.SetAction(async (p, ct) =>
        {
            var watch = Stopwatch.StartNew();
            await new ProgressDisplay().RunAsync("building images", async progress =>
            {
                foreach (var db in HarnessModules.Registry.Databases)
                    await TestHarness.BuildImagesAsync(db.Name, p.GetValue(BaseImage)!, p.GetValue(Store)!, progress, ct).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
            AnsiConsole.MarkupLine($"images ready in {watch.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return cmd;
    }
}
