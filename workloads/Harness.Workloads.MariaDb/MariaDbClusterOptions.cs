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
}
