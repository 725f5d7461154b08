namespace Harness.Workloads.MariaDb.Workloads;

/// <summary>How clients find a MariaDB cluster: a connection string per node and the node names. Every node takes
/// reads and writes, so there is no primary to name; each client uses its own node.</summary>
public sealed record MariaDbEndpoints(Func<string, string> ConnectionString, IReadOnlyList<string> Nodes);
