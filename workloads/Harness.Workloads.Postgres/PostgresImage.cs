using Harness.Docker;

namespace Harness.Workloads.Postgres;

/// <summary>
/// The PostgreSQL 15 node image (<c>harness-postgres:15</c>): Debian's postgresql-15 on the harness tool layer,
/// with the entry script that makes a node a primary or a streaming standby.
/// </summary>
public static class PostgresImage
{
    public const string Tag = "harness-postgres:15";

    public static readonly NodeImage Image = new(Tag, "postgres");

    public static string ContextDirectory => Image.ContextDirectory;

    public static Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Image.EnsureAsync(baseImage, progress, cancellationToken);
}
