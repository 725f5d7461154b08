using System.Data.Common;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Workloads.Sql.Internal;

/// <summary>Unique inserts on the routing's write node; a read returns the whole set from the client's own node,
/// so the final reads (one per process) read every node, and the set checker can tell lost from divergent.</summary>
internal sealed class SqlSetClient(SqlCluster cluster, ClientContext context) : SqlClient(cluster, context)
{
    protected override (string Node, bool IsRead) Route(Op invocation) =>
        invocation.F == "read" ? (Context.Node, true) : (Cluster.Routing.WriteNode(Context), false);

    protected override async Task<object?> ExecuteAsync(DbConnection connection, Op op, CancellationToken ct)
    {
        if (op.F == "add")
        {
            await using var insert = Command(connection, Cluster.Dialect.SetAdd, ("@element", (long)op.Value!));
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return op.Value;
        }
        var elements = new List<object?>();
        await using var read = Command(connection, Cluster.Dialect.SetRead);
        await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) elements.Add(reader.GetInt64(0));
        return elements.ToArray();
    }
}
