using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DotNet.Testcontainers.Builders;
using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// Builds an image only when its recipe changed. The content hash covers every file of the build context
/// (relative path and bytes, in ordinal order) and every build argument; the built image carries it as the
/// label <see cref="HashLabel"/>, so the next run compares one label instead of rebuilding. Builds go through
/// Testcontainers' <c>ImageFromDockerfileBuilder</c> (the engine's build API, no <c>docker</c> process). The raw
/// build output goes to a log file (<c>images-&lt;time&gt;.log</c> under <see cref="LogDirectory"/> or the directory
/// the caller gives); progress shows one line per image (tag, step n/m, elapsed) and names the log; a failed
/// build throws a <see cref="DockerException"/> carrying the last lines of its output. Intermediate containers are
/// removed whether the build succeeds or fails (the engine's <c>forcerm</c>).
/// </summary>
public static class ImageBuilder
{
    public const string HashLabel = "harness.content-hash";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    /// <summary>Where build logs go when the caller names no directory; default <c>store/logs</c> under the working directory.</summary>
    public static string LogDirectory { get; set; } = Path.Combine("store", "logs");

    /// <summary>Makes sure <see cref="ImageRecipe.Tag"/> is built from exactly this recipe; returns the tag.</summary>
    public static Task<string> EnsureAsync(ImageRecipe recipe, IProgress<string>? progress, CancellationToken cancellationToken) =>
        EnsureAsync(recipe, progress, null, cancellationToken);

    /// <summary>As <see cref="EnsureAsync(ImageRecipe, IProgress{string}?, CancellationToken)"/>, writing the build output
    /// under <paramref name="logDirectory"/> (null: <see cref="LogDirectory"/>).</summary>
    public static async Task<string> EnsureAsync(ImageRecipe recipe, IProgress<string>? progress, string? logDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var hash = ContentHash(recipe);
        if (await Images.LabelAsync(recipe.Tag, HashLabel, cancellationToken).ConfigureAwait(false) == hash)
        {
            progress?.Report($"{recipe.Tag} is up to date ({hash[..12]})");
            return recipe.Tag;
        }
        var log = BuildLog.In(logDirectory ?? LogDirectory);
        progress?.Report($"building {recipe.Tag}, output in {log.Path}");
        var build = new BuildProgress(recipe.Tag, log, progress);
        build.Record($"building {recipe.Tag} from {recipe.ContextDirectory} (content hash {hash})");
        try
        {
            var image = Builder(recipe, hash, build).Build();
            await DockerEngine.CallAsync($"build {recipe.Tag}", BuildTimeout, (_, ct) => image.CreateAsync(ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Failed(recipe, build, log, e.Message, e);
        }
        if (await Images.LabelAsync(recipe.Tag, HashLabel, cancellationToken).ConfigureAwait(false) != hash)
            throw Failed(recipe, build, log, "the engine reported no image with this recipe's hash", null);
        var done = string.Create(CultureInfo.InvariantCulture, $"built {recipe.Tag} in {build.Elapsed.TotalSeconds:0.0} s ({build.Steps} steps), output in {log.Path}");
        build.Record(done);
        progress?.Report(done);
        return recipe.Tag;
    }

    /// <summary>The hex SHA-256 of the recipe's files and build arguments (not of its tag).</summary>
    public static string ContentHash(ImageRecipe recipe)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = Path.GetFullPath(recipe.ContextDirectory);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
        {
            var bytes = File.ReadAllBytes(full);
            AppendField(sha, $"file:{relative}:{bytes.Length}");
            sha.AppendData(bytes);
        }
        foreach (var (key, value) in recipe.BuildArgs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            AppendField(sha, $"arg:{key}={value}");
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void AppendField(IncrementalHash sha, string field)
    {
        sha.AppendData(Encoding.UTF8.GetBytes(field));
        sha.AppendData([0]);
    }

    private static ImageFromDockerfileBuilder Builder(ImageRecipe recipe, string hash, BuildProgress build)
    {
        DockerEngine.Configure();
        var builder = new ImageFromDockerfileBuilder()
            .WithName(recipe.Tag)
            .WithDockerfileDirectory(Path.GetFullPath(recipe.ContextDirectory))
            .WithDockerfile("Dockerfile")
            .WithLabel(HashLabel, hash)
            .WithDeleteIfExists(false)
            .WithCleanUp(false)
            .WithImageBuildPolicy(_ => true)
            // The engine removes a build's intermediate containers only when it succeeds unless asked (docker build
            // --force-rm): a failed build would leave its failed step's exited container, unlabelled, for nobody to clean.
            .WithCreateParameterModifier(p =>
            {
                p.Remove = true;
                p.ForceRemove = true;
            })
            .WithLogger(build);
        foreach (var (key, value) in recipe.BuildArgs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            builder = builder.WithBuildArgument(key, value);
        return builder;
    }

    private static DockerException Failed(ImageRecipe recipe, BuildProgress build, BuildLog log, string reason, Exception? inner)
    {
        build.Record($"FAILED: {reason}");
        var message = $"building {recipe.Tag} failed at step {build.Step}/{build.Steps} after {build.Elapsed.TotalSeconds:0.0} s: {reason}\n" +
                      $"last lines of {log.Path}:\n{build.Tail}";
        return inner is null ? new DockerException(message) : new DockerException(message, inner);
    }
}
