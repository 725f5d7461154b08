using Harness.Docker;

namespace Harness.Workloads.Etcd;

/// <summary>
/// The etcd 3.4 node image (<c>harness-etcd:3.4</c>): Debian's etcd-server and etcd-client on the harness tool layer,
/// with etcd itself as the entry point. Each member's flags are the container's command (see <see cref="EtcdCluster"/>),
/// so one image serves every member and every timeout setting.
/// </summary>
public static class EtcdImage
{
    public const string Tag = "harness-etcd:3.4";

    public static readonly NodeImage Image = new(Tag, "etcd");

    public static Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Image.EnsureAsync(baseImage, progress, cancellationToken);
}
