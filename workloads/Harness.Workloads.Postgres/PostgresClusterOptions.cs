namespace Harness.Workloads.Postgres;

/// <summary>
/// How to shape a PostgreSQL cluster: node count (pg1 is the primary, the rest stream from it), the
/// replication mode, the run id that labels every container, and the base image for the offline build.
/// Replication: <c>async</c> (no synchronous standbys), <c>sync</c> (<c>FIRST N-1</c>: every standby must
/// confirm a commit), <c>semi-sync</c> (<c>ANY 1</c>: any one standby confirms).
/// </summary>
public sealed record PostgresClusterOptions(
    int Nodes,
    string Replication,
    string RunId,
    string BaseImage = "debian:bookworm-slim")
{
    public static IReadOnlyList<string> ReplicationModes { get; } = ["async", "sync", "semi-sync"];

    /// <summary>The <c>synchronous_standby_names</c> value for <see cref="Replication"/>.</summary>
    public string SynchronousStandbyNames()
    {
        var standbys = Enumerable.Range(2, Math.Max(0, Nodes - 1)).Select(i => $"pg{i}").ToList();
        var list = string.Join(", ", standbys);
        return Replication switch
        {
            _ when standbys.Count == 0 => "",
            "async" => "",
            "sync" => $"FIRST {standbys.Count} ({list})",
            "semi-sync" => $"ANY 1 ({list})",
            _ => throw new ArgumentException($"unknown replication mode '{Replication}'; use one of: {string.Join(", ", ReplicationModes)}"),
        };
    }
}
