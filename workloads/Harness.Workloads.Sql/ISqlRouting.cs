using Harness.Core.Testing;

namespace Harness.Workloads.Sql;

/// <summary>Which node serves a client's operations. Asked on every operation, so a client follows a failover as
/// soon as the cluster records it. Final set reads always go to the client's own node, so every node is read.</summary>
public interface ISqlRouting
{
    /// <summary>Where writes and transactions go (a primary, or with every node a leader the client's own node).</summary>
    string WriteNode(ClientContext client);

    /// <summary>Where register reads go (the primary, a follower, or the client's own node).</summary>
    string ReadNode(ClientContext client);
}
