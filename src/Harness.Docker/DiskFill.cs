using System.Globalization;

namespace Harness.Docker;

/// <summary>
/// Disk full without extra privilege: a node's data directory is a size-limited tmpfs (<see cref="RunArguments"/> at
/// container creation), and <see cref="FillAsync"/> writes a filler file into it until no space is left, so the
/// server's next write that needs space fails with ENOSPC; <see cref="FreeAllAsync"/> deletes the fillers. A tmpfs
/// does not survive a container restart, so a node with one must not be killed and started again.
/// </summary>
public sealed class DiskFill(ContainerCluster cluster, string mountPoint)
{
    public string MountPoint => mountPoint;
    public string FillerPath => mountPoint.TrimEnd('/') + "/harness-filler";

    /// <summary>The <c>docker run</c> arguments that mount a tmpfs of <paramref name="megabytes"/> at <paramref name="mountPoint"/>.</summary>
    public static IReadOnlyList<string> RunArguments(string mountPoint, int megabytes) =>
        ["--tmpfs", string.Create(CultureInfo.InvariantCulture, $"{mountPoint}:rw,size={megabytes}m,mode=0700")];

    /// <summary>Fills the tmpfs; returns e.g. <c>pg2: wrote 41 MiB, 0 KiB left</c>.</summary>
    public async Task<string> FillAsync(string node, CancellationToken cancellationToken)
    {
        var script = $"dd if=/dev/zero of={FillerPath} bs=1M 2>/dev/null; sync; " +
                     $"echo $(( $(stat -c %s {FillerPath}) / 1048576 )) $(df -k {mountPoint} | awk 'NR==2 {{print $4}}')";
        var output = await NodeExec.RunAsync(cluster, node, script, "filling the disk", cancellationToken).ConfigureAwait(false);
        var parts = output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length >= 2 ? $"{node}: wrote {parts[0]} MiB to {mountPoint}, {parts[1]} KiB left" : $"{node}: filled {mountPoint}";
    }

    public Task FreeAllAsync(CancellationToken cancellationToken) =>
        NodeExec.RunEverywhereAsync(cluster, $"rm -f {FillerPath}; true", "deleting disk fillers", cancellationToken);
}
