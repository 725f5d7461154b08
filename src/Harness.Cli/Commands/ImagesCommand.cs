using System.CommandLine;
using System.Diagnostics;
using Harness.Lab;
using Harness.Cli.Terminal;
using Harness.Core.Testing;
using Harness.Docker;
using Spectre.Console;

namespace Harness.Cli.Commands;

/// <summary><c>harness images</c>: builds the base and node images ahead of a run (unchanged Dockerfiles are not rebuilt).
/// With <c>--recipe DIR --tag NAME</c> it builds only that Dockerfile folder, through the same content-hashed builder
/// (a custom image <c>FROM harness-tools:bookworm</c>; the crash-safety test uses it to kill the harness mid-build
/// without touching the shared harness-* images).</summary>
internal static class ImagesCommand
{
    private static readonly Option<string> Store = new("--store") { Description = "Directory for run output; build logs go to its logs/ folder.", DefaultValueFactory = _ => "store" };
    private static readonly Option<string> BaseImage = new("--base-image") { Description = "Base image; built offline with debootstrap if absent and not pullable.", DefaultValueFactory = _ => new TestSpec().BaseImage };

    private static readonly Option<string?> Recipe = new("--recipe") { Description = "Build only this folder (its Dockerfile and files), content-hashed like the node images; needs --tag." };
    private static readonly Option<string?> Tag = new("--tag") { Description = "The tag of the --recipe image." };

    public static Command Build()
    {
        var cmd = new Command("images", "Build the base image and the node images (skipped when their content hash is unchanged).");
        foreach (var o in new Option[] { BaseImage, Store, Recipe, Tag }) cmd.Options.Add(o);
        cmd.SetAction(async (p, ct) =>
        {
            var watch = Stopwatch.StartNew();
            var (recipe, tag) = (p.GetValue(Recipe), p.GetValue(Tag));
            if ((recipe is null) != (tag is null)) throw new UsageException("--recipe and --tag go together");
            if (recipe is not null && !File.Exists(Path.Combine(recipe, "Dockerfile"))) throw new UsageException($"--recipe {recipe}: no Dockerfile there");
            await new ProgressDisplay().RunAsync("building images", async progress =>
            {
                if (recipe is not null)
                {
                    await BuildRecipeAsync(new ImageRecipe(tag!, Path.GetFullPath(recipe), new Dictionary<string, string>()), p.GetValue(Store)!, progress, ct).ConfigureAwait(false);
                    return 0;
                }
                foreach (var db in HarnessModules.Registry.Databases)
                    await TestHarness.BuildImagesAsync(db.Name, p.GetValue(BaseImage)!, p.GetValue(Store)!, progress, ct).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
            AnsiConsole.MarkupLine($"images ready in {watch.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return cmd;
    }

    private static async Task BuildRecipeAsync(ImageRecipe recipe, string store, IProgress<string> progress, CancellationToken ct)
    {
        await Harness.Lab.Internal.DockerPreflight.RequireEngineAsync(ct).ConfigureAwait(false);
        var logs = Path.Combine(Path.GetFullPath(store), "logs");
        Directory.CreateDirectory(logs);
        await ImageBuilder.EnsureAsync(recipe, progress, logs, ct).ConfigureAwait(false);
    }
}
