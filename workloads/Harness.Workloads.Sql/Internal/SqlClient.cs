using System.Data.Common;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Workloads.Sql.Internal;

/// <summary>
/// The shared shape of every SQL workload client: route the operation to a node, open (or reuse) the connection,
/// run the workload's statements, and let the module's classifier turn an exception into Fail or Info by how far
/// the operation got (<see cref="Phase"/>). A transactional client moves <see cref="Phase"/> from BeforeCommit to
/// Committing around its COMMIT. A read on a reused connection that fails is tried once more on a fresh one: the
/// connection may have died while idle (its node restarted), and a read has no effect, so a retry cannot change
/// what the history claims happened.
/// </summary>
internal abstract class SqlClient(SqlCluster cluster, ClientContext context) : IClient
{
    private readonly SqlConnections _connections = new(cluster.Dialect, cluster.ConnectionString, SqlDeadlines.ConnectTimeout(context.Test),
        new ReconnectGate(ReconnectBackoff.For(context.Test), new Random(HashCode.Combine(context.Test.Seed, context.Process)).NextDouble),
        NodeConnectLimiter.For(cluster),
        ReconnectBackoff.WaitBudget(context.Test), TimeProvider.System);

    protected SqlCluster Cluster => cluster;

    protected ClientContext Context => context;

    protected SqlPhase Phase { get; set; }

    /// <summary>Which node serves this operation and whether it is a read (no side effects).</summary>
    protected abstract (string Node, bool IsRead) Route(Op invocation);

    /// <summary>The operation's completion value, or a <see cref="FailedOp"/> when it certainly did not take effect.</summary>
    protected abstract Task<object?> ExecuteAsync(DbConnection connection, Op invocation, CancellationToken ct);

    public async Task<Completion> InvokeAsync(Op invocation, CancellationToken cancellationToken)
    {
        var (node, isRead) = Route(invocation);
        var reused = _connections.IsOpen(node);
        var completion = await AttemptAsync(invocation, node, isRead, cancellationToken).ConfigureAwait(false);
        if (isRead && reused && completion.Type != OpType.Ok && !cancellationToken.IsCancellationRequested)
            completion = await AttemptAsync(invocation, node, isRead, cancellationToken).ConfigureAwait(false);
        return completion;
    }

    private async Task<Completion> AttemptAsync(Op invocation, string node, bool isRead, CancellationToken cancellationToken)
    {
        Phase = SqlPhase.Connecting;
        try
        {
            var conn = await _connections.OpenAsync(node, cancellationToken).ConfigureAwait(false);
            if (isRead && await RerouteAsync(conn, node, cancellationToken).ConfigureAwait(false) is { } other && other != node)
            {
                node = other;
                conn = await _connections.OpenAsync(node, cancellationToken).ConfigureAwait(false);
            }
            Phase = SqlPhase.Committing;
            var value = await ExecuteAsync(conn, invocation, cancellationToken).ConfigureAwait(false);
            return value is FailedOp failed
                ? new Completion(OpType.Fail, invocation.Value, node + ": " + failed.Reason, node)
                : new Completion(OpType.Ok, value, null, node);
        }
        catch (Exception e)
        {
            _connections.Drop(node);
            var type = cluster.Classifier.Classify(e, Phase, isRead);
            var error = (Phase == SqlPhase.Connecting ? "connect " + node + ": " : node + ": ") + cluster.Classifier.Describe(e);
            return new Completion(type, invocation.Value, error, node);
        }
    }

    /// <summary>For a read whose connection to <paramref name="node"/> is open: null to read there, or another node
    /// (a routing that waited for the node to catch up and gave up). Nothing by default.</summary>
    protected virtual Task<string?> RerouteAsync(DbConnection connection, string node, CancellationToken ct) => Task.FromResult<string?>(null);

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    /// <summary>A command for <paramref name="sql"/> with the named parameters bound.</summary>
    protected static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>Returned by <see cref="ExecuteAsync"/> for an operation that certainly did not take effect
    /// (a compare-and-set whose comparison failed, a transaction the server refused).</summary>
    protected sealed record FailedOp(string Reason);
}
