namespace Harness.Workloads.Postgres.Workloads;

/// <summary>How clients find the cluster: a connection string per node, which node is the primary, and the
/// standbys. Kept apart from the cluster class so workloads can be pointed at any PostgreSQL deployment.</summary>
public sealed record PostgresEndpoints(Func<string, string> ConnectionString, string Primary, IReadOnlyList<string> Standbys)
{
    /// <summary>The node a process reads from: the primary, or with followers a standby chosen by process.</summary>
    public string ReadNode(int process, string processNode, bool fromFollowers)
    {
        if (!fromFollowers || Standbys.Count == 0) return Primary;
        return Standbys.Contains(processNode) ? processNode : Standbys[process % Standbys.Count];
    }
}
