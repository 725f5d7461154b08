using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// The fault-injection tool layer (<c>harness-tools:bookworm</c>): iproute2, iptables, procps, libfaketime,
/// ping, netcat and our <c>nfqdelay</c>. Every database image is built <c>FROM</c> it, so every node can be
/// partitioned, delayed and clock-skewed the same way.
/// </summary>
public static class ToolsImage
{
    public const string Tag = "harness-tools:bookworm";

    /// <summary>The build context shipped next to the binaries.</summary>
    public static string ContextDirectory => Path.Combine(AppContext.BaseDirectory, "docker", "tools");

    /// <summary>Resolves the base image (see <see cref="BaseImage"/>), builds the tool layer if its recipe changed, and returns its tag.</summary>
    public static async Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var resolved = await BaseImage.EnsureAsync(baseImage, progress, cancellationToken).ConfigureAwait(false);
        var baseId = await Images.IdAsync(resolved, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerException($"base image {resolved} vanished while building {Tag}");
        var args = new Dictionary<string, string> { ["BASE"] = resolved, ["BASE_ID"] = baseId };
        return await ImageBuilder.EnsureAsync(new ImageRecipe(Tag, ContextDirectory, args), progress, cancellationToken).ConfigureAwait(false);
    }
}
