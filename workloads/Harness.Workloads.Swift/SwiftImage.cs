using Harness.Docker;

namespace Harness.Workloads.Swift;

/// <summary>
/// The OpenStack Swift 2.30 node image (<c>harness-swift:2.30</c>): Debian's account, container, object and proxy
/// servers with rsync and the replicators on the harness tool layer, the start script that writes the configs and
/// builds identical rings on every node, and <c>swift-probe</c>, which reads an object's copy from every object server.
/// </summary>
public static class SwiftImage
{
    public const string Tag = "harness-swift:2.30";

    public static readonly NodeImage Image = new(Tag, "swift");

    public static Task<string> EnsureAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Image.EnsureAsync(baseImage, progress, cancellationToken);
}
