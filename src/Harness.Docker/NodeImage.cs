using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// A database node image built on the harness tool layer from a Dockerfile folder shipped next to the binaries
/// (<c>docker/&lt;folder&gt;</c>). The tool layer's image id is a build argument, so a changed tool layer
/// changes the node image's content hash and rebuilds it; an unchanged recipe is not rebuilt.
/// </summary>
public sealed record NodeImage(string Tag, string Folder)
{
    public string ContextDirectory => Path.Combine(AppContext.BaseDirectory, "docker", Folder);

    /// <summary>Builds (only if its recipe or the tool layer changed) the base, tools and node images; returns the node tag.</summary>
    public async Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var tools = await ToolsImage.EnsureAsync(baseImage, progress, cancellationToken).ConfigureAwait(false);
        var toolsId = await Images.IdAsync(tools, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerException($"image {tools} vanished while building {Tag}");
        var args = new Dictionary<string, string> { ["TOOLS"] = tools, ["TOOLS_ID"] = toolsId };
        return await ImageBuilder.EnsureAsync(new ImageRecipe(Tag, ContextDirectory, args), progress, cancellationToken).ConfigureAwait(false);
    }
}
