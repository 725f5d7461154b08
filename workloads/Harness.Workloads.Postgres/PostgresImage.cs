using Harness.Docker;

namespace Harness.Workloads.Postgres;

/// <summary>
/// The PostgreSQL 15 node image (<c>harness-postgres:15</c>): Debian's postgresql-15 on the harness tool layer,
/// with the entry script that makes a node a primary or a streaming standby.
/// </summary>
public static class PostgresImage
{
    public const string Tag = "harness-postgres:15";

    /// <summary>The build context shipped next to the binaries.</summary>
    public static string ContextDirectory => Path.Combine(AppContext.BaseDirectory, "docker", "postgres");

    /// <summary>Builds (only if its recipe or the tool layer changed) base, tools and PostgreSQL images; returns the PostgreSQL tag.</summary>
    public static async Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var tools = await ToolsImage.EnsureAsync(baseImage, progress, cancellationToken).ConfigureAwait(false);
        var toolsId = await DockerCli.Default.ImageIdAsync(tools, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerException($"image {tools} vanished while building {Tag}");
        var args = new Dictionary<string, string> { ["TOOLS"] = tools, ["TOOLS_ID"] = toolsId };
        return await ImageBuilder.EnsureAsync(new ImageRecipe(Tag, ContextDirectory, args), progress, cancellationToken).ConfigureAwait(false);
    }
}
