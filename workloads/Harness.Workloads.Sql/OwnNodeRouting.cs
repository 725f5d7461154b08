using Harness.Core.Testing;

namespace Harness.Workloads.Sql;

/// <summary>Routing for a cluster where every node is a leader: each client reads and writes on its own node.</summary>
public sealed class OwnNodeRouting : ISqlRouting
{
    public static OwnNodeRouting Instance { get; } = new();

    public string WriteNode(ClientContext client) => client.Node;

    public string ReadNode(ClientContext client) => client.Node;
}
