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

    public static readonly NodeImage Image = new(Tag, "mariadb");

    public static string ContextDirectory => Image.ContextDirectory;

    public static Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Image.EnsureAsync(baseImage, progress, cancellationToken);
}
