using Harness.Core.History;
using Harness.Core.Testing;
using MySqlConnector;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>
/// The shared shape of our MariaDB clients: pick the node for an operation (always the process's own node: every
/// node is a leader), open or reuse the connection, run the operation's SQL, and classify any exception as Fail or
/// Info by how far the operation got (<see cref="Stage"/>). Subclasses supply only the SQL; a transactional one
/// moves <see cref="Stage"/> from BeforeCommit to Committing around its COMMIT.
/// </summary>
internal abstract class MariaDbClient(Func<string, string> connectionString, TestSpec test) : IClient
{
    private readonly NodeConnections _connections = new(connectionString, ConnectTimeout(test));

    protected OpStage Stage { get; set; }

    /// <summary>Which node serves this operation and whether it is a read (no side effects).</summary>
    protected abstract (string Node, bool IsRead) Route(Op invocation);

    protected abstract Task<object?> ExecuteAsync(MySqlConnection connection, Op invocation, CancellationToken ct);

    public async Task<Completion> InvokeAsync(Op invocation, CancellationToken cancellationToken)
    {
        var (node, isRead) = Route(invocation);
        Stage = OpStage.Connecting;
        try
        {
            var conn = await _connections.OpenAsync(node, cancellationToken).ConfigureAwait(false);
            Stage = OpStage.Committing;
            var value = await ExecuteAsync(conn, invocation, cancellationToken).ConfigureAwait(false);
            return value is FailedOp failed
                ? new Completion(OpType.Fail, invocation.Value, node + ": " + failed.Reason, node)
                : new Completion(OpType.Ok, value, null, node);
        }
        catch (Exception e)
        {
            _connections.Drop(node);
            var type = MariaDbErrors.Classify(e, isRead, Stage);
            var error = (Stage == OpStage.Connecting ? "connect " + node + ": " : node + ": ") + MariaDbErrors.Describe(e);
            return new Completion(type, invocation.Value, error, node);
        }
    }

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    /// <summary>Half the operation deadline, between 1 and 2 seconds: a connection attempt ends (as a Fail) before
    /// the runner's deadline would turn it into Info.</summary>
    private static TimeSpan ConnectTimeout(TestSpec test) =>
        TimeSpan.FromSeconds(Math.Clamp(Math.Floor(test.OperationTimeoutSeconds / 2), 1, 2));

    /// <summary>Returned by <see cref="ExecuteAsync"/> for an operation that certainly did not take effect
    /// (a compare-and-set whose comparison failed, a transaction the server aborted).</summary>
    protected sealed record FailedOp(string Reason);
}
