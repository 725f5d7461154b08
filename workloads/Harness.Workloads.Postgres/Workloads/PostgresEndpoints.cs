namespace Harness.Workloads.Postgres.Workloads;

/// <summary>How clients find the cluster: a connection string per node, which node is the primary, and the
/// standbys. Kept apart from the cluster class so workloads can be pointed at any PostgreSQL deployment. The
/// primary is asked for on every operation, so clients follow a failover as soon as the cluster records it
/// (like a client behind a proxy that tracks the leader); writes still in flight to the old primary fail or
/// end unknown there.</summary>
public sealed class PostgresEndpoints(Func<string, string> connectionString, Func<string> primary, Func<IReadOnlyList<string>> standbys)
{
    /// <summary>Fixed roles, for a deployment whose primary never changes.</summary>
    public PostgresEndpoints(Func<string, string> connectionString, string primary, IReadOnlyList<string> standbys)
        : this(connectionString, () => primary, () => standbys)
    {
    }

    public Func<string, string> ConnectionString => connectionString;

    /// <summary>The node that accepts writes now.</summary>
    public string Primary => primary();

    /// <summary>Where a process's writes go when that is not <see cref="Primary"/> (null: the primary), e.g. the old
    /// primary that half the clients still reach during a split brain.</summary>
    public Func<int, string?>? WriteOverride { get; init; }

    /// <summary>The node a process writes to now.</summary>
    public string WriteNode(int process) => WriteOverride?.Invoke(process) ?? Primary;

    /// <summary>The other nodes now.</summary>
    public IReadOnlyList<string> Standbys => standbys();

    /// <summary>The node a process reads from: the primary, or with followers a standby chosen by process.</summary>
    public string ReadNode(int process, string processNode, bool fromFollowers)
    {
        var current = Standbys;
        if (!fromFollowers || current.Count == 0) return Primary;
        return current.Contains(processNode) ? processNode : current[process % current.Count];
    }
}
