using Harness.Docker;

namespace Harness.Workloads.Redis;

/// <summary>
/// The Redis node image (<c>harness-redis:7.0</c>): Debian's redis-server and redis-sentinel on the harness tool
/// layer, with the entry script that runs both on one node and a status script the cluster reads for health.
/// </summary>
public static class RedisImage
{
    public const string Tag = "harness-redis:7.0";

    public static readonly NodeImage Image = new(Tag, "redis");

    public static Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Image.EnsureAsync(baseImage, progress, cancellationToken);
}
