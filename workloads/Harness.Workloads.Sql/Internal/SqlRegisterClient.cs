using System.Data.Common;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Workloads.Sql.Internal;

/// <summary>Registers as rows <c>(id, val)</c>: values are <c>[key, v]</c>, cas values <c>[key, [old, new]]</c>.
/// Writes and cas go to the routing's write node, reads to its read node; a cas whose comparison fails is Fail. The
/// routing hears of every acknowledged write and may hold a read back until its node has caught up
/// (<see cref="ISqlRouting.WrittenAsync"/>, <see cref="ISqlRouting.BeforeReadAsync"/>).</summary>
internal sealed class SqlRegisterClient(SqlCluster cluster, ClientContext context) : SqlClient(cluster, context)
{
    protected override (string Node, bool IsRead) Route(Op invocation) => invocation.F == "read"
        ? (Cluster.Routing.ReadNode(Context), true)
        : (Cluster.Routing.WriteNode(Context), false);

    protected override Task<string?> RerouteAsync(DbConnection connection, string node, CancellationToken ct) =>
        Cluster.Routing.BeforeReadAsync(Context, connection, node, ct);

    protected override async Task<object?> ExecuteAsync(DbConnection connection, Op op, CancellationToken ct)
    {
        var kv = (IReadOnlyList<object?>)op.Value!;
        var key = (long)kv[0]!;
        var dialect = Cluster.Dialect;
        switch (op.F)
        {
            case "read":
                await using (var cmd = Command(connection, dialect.RegisterRead, ("@key", key)))
                {
                    var v = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    return new object?[] { key, v is long l ? l : null };
                }
            case "write":
                await using (var cmd = Command(connection, dialect.RegisterWrite, ("@key", key), ("@value", (long)kv[1]!)))
                {
                    await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    await Cluster.Routing.WrittenAsync(Context, connection, Cluster.Routing.WriteNode(Context), ct).ConfigureAwait(false);
                    return op.Value;
                }
            default:
                var pair = (IReadOnlyList<object?>)kv[1]!;
                await using (var cmd = Command(connection, dialect.RegisterCas, ("@key", key), ("@old", (long)pair[0]!), ("@new", (long)pair[1]!)))
                {
                    var rows = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    if (rows != 1) return new FailedOp($"cas: value was not {pair[0]}");
                    await Cluster.Routing.WrittenAsync(Context, connection, Cluster.Routing.WriteNode(Context), ct).ConfigureAwait(false);
                    return op.Value;
                }
        }
    }
}
