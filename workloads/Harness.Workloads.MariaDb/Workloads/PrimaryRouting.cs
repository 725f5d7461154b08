using Harness.Core.Testing;
using Harness.Workloads.Sql;

namespace Harness.Workloads.MariaDb.Workloads;

/// <summary>Routing for a single-leader cluster: writes and transactions go to the current primary (asked on every
/// operation, so clients follow a failover at once); register reads go to the primary or, with followers, to a replica
/// chosen by process (the client's own node when it is a replica).</summary>
public sealed class PrimaryRouting(Func<string> primary, Func<IReadOnlyList<string>> replicas, bool readFromReplicas) : ISqlRouting
{
    public string WriteNode(ClientContext client) => primary();

    public string ReadNode(ClientContext client)
    {
        var current = replicas();
        if (!readFromReplicas || current.Count == 0) return primary();
        return current.Contains(client.Node) ? client.Node : current[client.Process % current.Count];
    }
}
