using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Harness.Docker;

/// <summary>
/// Builds an image only when its recipe changed. The content hash covers every file of the build context
/// (relative path and bytes, in ordinal order) and every build argument; the built image carries it as the
/// label <see cref="HashLabel"/>, so the next run compares one label instead of rebuilding.
/// </summary>
public static class ImageBuilder
{
    public const string HashLabel = "harness.content-hash";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    /// <summary>Makes sure <see cref="ImageRecipe.Tag"/> is built from exactly this recipe; returns the tag.</summary>
    public static async Task<string> EnsureAsync(ImageRecipe recipe, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var docker = DockerCli.Default;
        var hash = ContentHash(recipe);
        var existing = await docker.RunAsync(
            ["image", "inspect", "--format", $"{{{{ index .Config.Labels \"{HashLabel}\" }}}}", recipe.Tag],
            TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (existing.Succeeded && existing.Stdout.Trim() == hash)
        {
            progress?.Report($"{recipe.Tag} is up to date ({hash[..12]})");
            return recipe.Tag;
        }
        progress?.Report($"building {recipe.Tag} from {recipe.ContextDirectory}");
        var clock = Stopwatch.StartNew();
        await docker.RunStreamingAsync(BuildArguments(recipe, hash), BuildTimeout, line => progress?.Report(line), cancellationToken)
            .ConfigureAwait(false);
        progress?.Report($"built {recipe.Tag} in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
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

    private static List<string> BuildArguments(ImageRecipe recipe, string hash)
    {
        var args = new List<string> { "build", "--tag", recipe.Tag, "--label", $"{HashLabel}={hash}" };
        foreach (var (key, value) in recipe.BuildArgs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            args.AddRange(["--build-arg", $"{key}={value}"]);
        args.Add(recipe.ContextDirectory);
        return args;
    }
}
