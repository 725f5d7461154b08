namespace Harness.Core.Databases;

/// <summary>
/// Disk full without extra privilege: the node's data directory lives on a size-limited tmpfs, and a filler file takes
/// the rest of it, so the server's next write that needs space fails with its out-of-space error.
/// </summary>
public interface IDiskFillable
{
    /// <summary>Fills the node's data file system; returns what was done (bytes written, space left).</summary>
    Task<string> FillDiskAsync(string node, CancellationToken cancellationToken);

    /// <summary>Deletes every filler file.</summary>
    Task FreeDiskAsync(CancellationToken cancellationToken);
}
