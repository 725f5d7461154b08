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

    /// <summary>Run the servers under libfaketime, so their clocks can be moved (the <c>clock</c> fault).</summary>
    public bool Faketime { get; init; }

    /// <summary>Size of a tmpfs holding each node's data directory in MiB (0: none; needed by the <c>disk-full</c>
    /// fault; such a node loses its data when its container restarts).</summary>
    public int DataTmpfsMegabytes { get; init; }

    /// <summary>Heartbeat lag probe period in ms (0: off): a row written on the primary this often and read on every standby.</summary>
    public int HeartbeatMs { get; init; }

    /// <summary>Where standbys stream from: <c>star</c> (all from the primary) or <c>cascade</c> (each from the previous node).</summary>
    public string Topology { get; init; } = "star";

    /// <summary><c>hot_standby_feedback</c> on the standbys (null: the image's default, on).</summary>
    public bool? HotStandbyFeedback { get; init; }

    /// <summary><c>max_standby_streaming_delay</c> on the standbys in ms, -1 to wait forever (null: PostgreSQL's 30 s).</summary>
    public int? MaxStandbyStreamingDelayMs { get; init; }

    /// <summary>How a failover fences the old primary: <c>kill</c> it, or <c>none</c> (cut it off from the other nodes
    /// only, so clients that still reach it keep writing there: split brain).</summary>
    public string Fencing { get; init; } = "kill";

    /// <summary>The <c>synchronous_standby_names</c> value for <see cref="Replication"/> with pg1 as the primary (in a
    /// cascade only pg2 streams from it, so only pg2 can confirm commits).</summary>
    public string SynchronousStandbyNames() =>
        SynchronousStandbyNames(Replication, Enumerable.Range(2, Math.Max(0, Topology == "cascade" ? Math.Min(1, Nodes - 1) : Nodes - 1)).Select(i => $"pg{i}").ToList());

    /// <summary>The <c>synchronous_standby_names</c> value for a replication mode and the standbys that remain, e.g.
    /// after a failover (the promoted standby inherits the old primary's value, which names itself and the dead node).</summary>
    public static string SynchronousStandbyNames(string replication, IReadOnlyList<string> standbys)
    {
        var list = string.Join(", ", standbys);
        return replication switch
        {
            "async" => "",
            "sync" or "semi-sync" when standbys.Count == 0 => "",
            "sync" => $"FIRST {standbys.Count} ({list})",
            "semi-sync" => $"ANY 1 ({list})",
            _ => throw new ArgumentException($"unknown replication mode '{replication}'; use one of: {string.Join(", ", ReplicationModes)}"),
        };
    }
}
