namespace Harness.Workloads.MariaDb;

/// <summary>
/// How to shape a MariaDB cluster: node count (Galera: any, usually 3; multi-leader: exactly 2), the run id that
/// labels every container, and the base image for the offline build.
/// </summary>
public sealed record MariaDbClusterOptions(
    int Nodes,
    string RunId,
    string BaseImage = "debian:bookworm-slim")
{
    /// <summary>Run mariadbd under libfaketime, so its clock can be moved (the <c>clock</c> fault).</summary>
    public bool Faketime { get; init; }

    /// <summary>Size in MiB of a tmpfs that holds the data directory (0: none). The entry script copies the data
    /// directory initialised in the image into it at start, so the server starts with its system tables; the
    /// <c>disk-full</c> fault fills it.</summary>
    public int DataTmpfsMegabytes { get; init; }
}
