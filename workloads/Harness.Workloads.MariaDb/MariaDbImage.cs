using Harness.Docker;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// The MariaDB 10.11 node image (<c>harness-mariadb:10.11</c>): Debian's mariadb-server and galera-4 on the harness
/// tool layer, with one entry script that configures a node either as a Galera member or as an asynchronous
/// multi-leader peer. Both cluster kinds share it.
/// </summary>
public static class MariaDbImage
{
    public const string Tag = "harness-mariadb:10.11";

    /// <summary>The build context shipped next to the binaries.</summary>
    public static string ContextDirectory => Path.Combine(AppContext.BaseDirectory, "docker", "mariadb");

    /// <summary>Builds (only if its recipe or the tool layer changed) base, tools and MariaDB images; returns the MariaDB tag.</summary>
    public static async Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var tools = await ToolsImage.EnsureAsync(baseImage, progress, cancellationToken).ConfigureAwait(false);
        var toolsId = await DockerCli.Default.ImageIdAsync(tools, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerException($"image {tools} vanished while building {Tag}");
        var args = new Dictionary<string, string> { ["TOOLS"] = tools, ["TOOLS_ID"] = toolsId };
        return await ImageBuilder.EnsureAsync(new ImageRecipe(Tag, ContextDirectory, args), progress, cancellationToken).ConfigureAwait(false);
    }
}
