using Harness.Core.Databases;

namespace Harness.Workloads.Redis.Internal;

/// <summary>
/// Replication lag from the master's <c>INFO replication</c>: for each replica, how many bytes of the replication
/// stream it has yet to acknowledge (<c>master_repl_offset - offset</c>, as <see cref="LagSample.LsnBehindBytes"/>),
/// how long ago it last acknowledged (<c>lag</c> seconds, as <see cref="LagSample.ReplayAgeMs"/>) and its state
/// (<c>online</c>, <c>wait_bgsave</c>, <c>send_bulk</c>; <c>disconnected</c> if the master does not list it,
/// <c>primary-unreachable</c> if the master did not answer).
/// </summary>
internal static class LagProbe
{
    public static IReadOnlyList<LagSample> Samples(long timeNs, RedisNodeStatus? master, IReadOnlyList<string> replicas, Func<string, string> ipOf)
    {
        var samples = new List<LagSample>(replicas.Count);
        foreach (var node in replicas)
        {
            if (master?.MasterOffset is not { } head)
            {
                samples.Add(new LagSample(timeNs, node, State: "primary-unreachable"));
                continue;
            }
            var info = master.Replicas.FirstOrDefault(r => r.Ip == ipOf(node));
            samples.Add(info is null
                ? new LagSample(timeNs, node, State: "disconnected")
                : new LagSample(timeNs, node, LsnBehindBytes: Math.Max(0, head - info.Offset), ReplayAgeMs: info.LagSeconds * 1000.0, State: info.State));
        }
        return samples;
    }
}
